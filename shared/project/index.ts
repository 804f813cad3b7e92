export * from './project';
export * from './migrate';
