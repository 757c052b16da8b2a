export * from './auth.module';
export * from './gql-auth.guard';
export * from './jwt-secret';
export * from './jwt-secret.token';
export * from './sign-token';
export * from './token-ttl';
export * from './verify-token';
