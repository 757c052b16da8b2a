import * as jwt from 'jsonwebtoken';
import { signToken } from './sign-token';
import { bearerToken, hmacKey, verifyToken } from './verify-token';

const SECRET = 'test-secret';

describe('verifyToken', () => {
  it('should return the username when the token was signed with the secret', () => {
    expect(verifyToken(SECRET, signToken(SECRET, 'li.na', '1h'))).toEqual({ ok: true, username: 'li.na' });
  });

  it('should refuse when the token was signed with another secret', () => {
    const check = verifyToken(SECRET, signToken('other-secret', 'li.na', '1h'));
    expect(check).toEqual({ ok: false, reason: expect.stringContaining('invalid signature') });
  });

  it('should refuse when the token has expired', () => {
    const expired = jwt.sign({ sub: 'li.na', exp: Math.floor(Date.now() / 1000) - 10 }, SECRET);
    expect(verifyToken(SECRET, expired)).toEqual({ ok: false, reason: 'the token has expired' });
  });

  it('should refuse when the token is not a JWT', () => {
    expect(verifyToken(SECRET, 'not.a.jwt')).toMatchObject({ ok: false });
  });

  it('should refuse when the token uses the "none" algorithm', () => {
    const unsigned = jwt.sign({ sub: 'li.na' }, '', { algorithm: 'none' });
    expect(verifyToken(SECRET, unsigned)).toMatchObject({ ok: false });
  });

  it('should refuse when the token names no subject', () => {
    const anonymous = jwt.sign({ role: 'admin' }, SECRET, { expiresIn: 60 });
    expect(verifyToken(SECRET, anonymous)).toEqual({
      ok: false,
      reason: 'the token names no user (claim "sub")',
    });
  });
});

describe('verifyToken with the secret as hmacKey (as the guard holds it)', () => {
  const key = hmacKey(SECRET);

  it('should return the username when the token was signed with the secret', () => {
    expect(verifyToken(key, signToken(SECRET, 'li.na', '1h'))).toEqual({ ok: true, username: 'li.na' });
  });

  it('should accept a secret that is not ASCII, as signed from the string', () => {
    const secret = 'geheim-ß-秘密';
    expect(verifyToken(hmacKey(secret), signToken(secret, 'li.na', '1h'))).toEqual({
      ok: true,
      username: 'li.na',
    });
  });

  it('should refuse when the token was signed with another secret', () => {
    const check = verifyToken(key, signToken('other-secret', 'li.na', '1h'));
    expect(check).toEqual({ ok: false, reason: expect.stringContaining('invalid signature') });
  });

  it('should refuse when the token has expired', () => {
    const expired = jwt.sign({ sub: 'li.na', exp: Math.floor(Date.now() / 1000) - 10 }, SECRET);
    expect(verifyToken(key, expired)).toEqual({ ok: false, reason: 'the token has expired' });
  });

  it('should refuse when the token uses the "none" algorithm', () => {
    const unsigned = jwt.sign({ sub: 'li.na' }, '', { algorithm: 'none' });
    expect(verifyToken(key, unsigned)).toMatchObject({ ok: false });
  });

  it('should refuse when the token was signed with another HMAC algorithm', () => {
    const hs512 = jwt.sign({ sub: 'li.na' }, SECRET, { algorithm: 'HS512' });
    expect(verifyToken(key, hs512)).toMatchObject({ ok: false, reason: expect.stringContaining('invalid') });
  });
});

describe('signToken', () => {
  it('should set sub and an exp ttl seconds ahead when given a ttl', () => {
    const claims = jwt.decode(signToken(SECRET, 'chen.jie', '8h')) as jwt.JwtPayload;
    expect(claims.sub).toBe('chen.jie');
    expect(claims.exp! - claims.iat!).toBe(8 * 3600);
  });

  it('should throw when the ttl is malformed', () => {
    expect(() => signToken(SECRET, 'li.na', 'forever')).toThrow('malformed ttl');
  });
});

describe('bearerToken', () => {
  it('should extract the token when the header is "Bearer <token>"', () => {
    expect(bearerToken('Bearer abc.def.ghi')).toEqual({ ok: true, token: 'abc.def.ghi' });
  });

  it('should refuse when there is no header', () => {
    expect(bearerToken(undefined)).toEqual({ ok: false, reason: 'no Authorization header' });
  });

  it('should refuse when the scheme is not Bearer', () => {
    expect(bearerToken('Basic bGk6bmE=')).toMatchObject({ ok: false });
  });
});
