/** Injection token of the HS256 secret the auth guard verifies tokens with. */
export const JWT_SECRET = Symbol('JWT_SECRET');
