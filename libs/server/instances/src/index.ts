export * from './instances.module';
