export * from './growth-detection';
export * from './monitor-report';
export * from './monitor-scheduler';
export * from './process-sampler';
export * from './resource-monitor';
export * from './snapshot-ring';
