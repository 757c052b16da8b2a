import { createSecretKey, type KeyObject } from 'node:crypto';
import * as jwt from 'jsonwebtoken';

export type TokenCheck = { ok: true; username: string } | { ok: false; reason: string };

/**
 * The HS256 secret as a key object, made once per process: given the secret as a string,
 * `jsonwebtoken` first tries to parse it as a PEM public key (and catches the failure) on every
 * verification, ≈ 0.5 ms of CPU per request; given this, it only computes the HMAC.
 */
export function hmacKey(secret: string): KeyObject {
  return createSecretKey(Buffer.from(secret, 'utf8'));
}

/**
 * Verifies an HS256 bearer token against `secret` (the string, or its `hmacKey`) and returns its
 * subject. Every failure (other secret, expired, malformed, another algorithm, no subject) is a
 * reason, never a throw.
 */
export function verifyToken(secret: string | KeyObject, token: string): TokenCheck {
  let claims: string | jwt.JwtPayload;
  try {
    claims = jwt.verify(token, secret, { algorithms: ['HS256'] });
  } catch (error) {
    if (error instanceof jwt.TokenExpiredError) return { ok: false, reason: 'the token has expired' };
    if (error instanceof jwt.JsonWebTokenError)
      return { ok: false, reason: `invalid token (${error.message})` };
    throw error;
  }
  if (typeof claims === 'string' || typeof claims.sub !== 'string' || claims.sub === '') {
    return { ok: false, reason: 'the token names no user (claim "sub")' };
  }
  return { ok: true, username: claims.sub };
}

/** The token of an `Authorization: Bearer <token>` header, or a reason it has none. */
export function bearerToken(
  header: string | string[] | undefined,
): { ok: true; token: string } | { ok: false; reason: string } {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return { ok: false, reason: 'no Authorization header' };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(value);
  if (!match) return { ok: false, reason: 'the Authorization header is not "Bearer <token>"' };
  return { ok: true, token: match[1] };
}
