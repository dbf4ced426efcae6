export * as get from './get.operation';
export * as getMany from './getMany.operation';
export * as getRelated from './getRelated.operation';
