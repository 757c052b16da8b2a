export * from './audit.module';
export * from './audit-queries.token';
export * from './may-verify-whole-log';
