export * as create from './create.operation';
export * as delete from './delete.operation';
export * as get from './get.operation';
export * as getMany from './getMany.operation';
export * as listAccessibleEntrances from './listAccessibleEntrances.operation';
