export * as get from './get.operation';
export * as getMany from './getMany.operation';
export * as listAccessibleEntrances from './listAccessibleEntrances.operation';
export * as listUsers from './listUsers.operation';
