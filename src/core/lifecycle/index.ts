export * from './disposable';
export * from './event';
export * from './leak-tracker';
export * from './resource-registry';
export * from './timers';
