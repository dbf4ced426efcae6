import type { Input } from '../input';
import type { Store } from '../store';

/** Timing knobs from SandboxOptions, resolved to numbers. */
export interface SandboxSettings {
	credentialIssueDelayMs: number;
	accessMethodIssueDelayMs: number;
	accessCodeSetDelayMs: number;
	actionAttemptDelayMs: number;
	/** Off when undefined; see rate-limit.ts. */
	deviceRateLimit?: DeviceRateLimit;
}

/** At most writesPerWindow access-code writes and lock actions per device in any windowMs. */
export interface DeviceRateLimit {
	writesPerWindow: number;
	windowMs: number;
}

export interface RouteContext {
	store: Store;
	/** Typed readers over `params`. */
	input: Input;
	/** Merged query + body parameters, already coerced to the documented types. */
	params: Record<string, unknown>;
	/** The moment this request is handled; one value per request so every timestamp agrees. */
	now: Date;
	requestUrl: URL;
	settings: SandboxSettings;
}

/** Returns the response body without `ok`, e.g. { acs_user } or {} for actions. */
export type RouteHandler = (context: RouteContext) => Record<string, unknown>;

export type RouteTable = Record<string, RouteHandler>;
