export * from './definitions.module';
export * from './may-deploy-flows';
