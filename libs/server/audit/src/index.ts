export * from './audit.module';
export * from './may-verify-whole-log';
