export * as get from './get.operation';
export * as getMany from './getMany.operation';
export * as lock from './lock.operation';
export * as unlock from './unlock.operation';
