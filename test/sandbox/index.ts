export { DEFAULT_API_KEY, startSandbox } from './server';
export type { Sandbox, SandboxOptions } from './server';
export type { RecordedRequest } from './request-handler';
export type { SeedIds } from './seed';
