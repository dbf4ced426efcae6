export * as end from './end.operation';
export * as get from './get.operation';
export * as grantAccess from './grantAccess.operation';
export * as sync from './sync.operation';
