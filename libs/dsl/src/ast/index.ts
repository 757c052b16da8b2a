export * from './span';
export * from './expr';
export * from './flow';
export * from './diagnose';
