export * from './project';
export * from './migrate';
export * from './tools';
export * from './regression-labs';
