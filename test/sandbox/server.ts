import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { SeamEventType } from '@seamapi/types/connect';

import { type AccessCodeFailureCode, isAccessCodeFailureCode } from './access-code-failures';
import { emitEvent, type EmitManyOptions, type EmitOptions, emitTimestamp } from './event-factory';
import { type Fault, FaultQueue, type PendingFault } from './faults';
import { setDeviceOnline } from './lock-actions';
import { ContractValidator } from './openapi-validator';
import { deviceRateLimitOption } from './rate-limit';
import { createRequestHandler, type RecordedRequest } from './request-handler';
import { routes } from './routes';
import type { DeviceRateLimit } from './routes/types';
import { createSeededStore, getSeedIds, type SeedIds } from './seed';
import { settleDueWork } from './settle';
import type { SeamEvent, Store } from './store';
import type { WebhookDeliveryAttempt } from './webhook-delivery';
import { retryDelaysOption, WebhookService } from './webhook-service';

export interface SandboxOptions {
	/** Default 0: a random free port. */
	port?: number;
	/** Default '127.0.0.1'. */
	host?: string;
	/** Default 'seam_test_sandbox_key_0000'. Requests must send `Authorization: Bearer <apiKey>`. */
	apiKey?: string;
	/**
	 * Default 300. A new code credential reports is_issued=false and code=null
	 * until this many milliseconds have passed; 0 issues it at once, with the
	 * code already in the create response.
	 */
	credentialIssueDelayMs?: number;
	/**
	 * Default 300. An access method (access grant) reports is_issued=false, and
	 * a code method code=null, until this many milliseconds have passed; an
	 * access times change stays pending for as long. 0 issues at once, with the
	 * code already in the create response.
	 */
	accessMethodIssueDelayMs?: number;
	/**
	 * Default 300. A new or reprogrammed access code reports status 'setting'
	 * until this many milliseconds have passed (then 'set', with
	 * access_code.set_on_device), and a deleted one 'removing' for as long;
	 * 0 = set (or gone) in the reply.
	 */
	accessCodeSetDelayMs?: number;
	/**
	 * Default 300. /locks/lock_door and /locks/unlock_door answer a 'pending'
	 * action attempt that finishes ('success' or 'error') after this many
	 * milliseconds; 0 = finished in the reply.
	 */
	actionAttemptDelayMs?: number;
	/**
	 * Default undefined (off). At most `writesPerWindow` access code writes
	 * (create, create_multiple, update, delete) and lock/unlock requests per
	 * device in any `windowMs`; beyond that Seam's 429 with Retry-After.
	 */
	deviceRateLimit?: DeviceRateLimit;
	/**
	 * Default true. Validate request parameters and 200 bodies against Seam's
	 * OpenAPI document; a non-conforming response becomes a 500
	 * sandbox_contract_violation and is recorded in contractViolations.
	 */
	validate?: boolean;
	/**
	 * Default [50, 100, 200, 400]: a webhook delivery that gets no 2xx answer
	 * (or a network error) is retried after each of these delays in turn, so at
	 * most length + 1 attempts. Seam's own schedule is 5 s, 5 min, 30 min, 2 h,
	 * 5 h, 10 h, 10 h; [] means a single attempt.
	 */
	webhookRetryDelaysMs?: number[];
}

export interface Sandbox {
	url: string;
	apiKey: string;
	seed: SeedIds;
	/** Every request received, in order. */
	requests: RecordedRequest[];
	/** Sandbox bugs: responses that broke Seam's documented contract, and crashes. */
	contractViolations: string[];
	/** Every webhook delivery attempt (retries included), in the order they finished. */
	deliveries: WebhookDeliveryAttempt[];
	/**
	 * Resolves once no webhook delivery is queued, in flight or waiting for a
	 * retry; rejects if that takes longer than timeoutMs (default 10 000).
	 */
	flushDeliveries(timeoutMs?: number): Promise<void>;
	/**
	 * Records an event of any type Seam documents, as if something had happened
	 * in the workspace: it shows up in /events/list and is delivered to webhooks.
	 * Required fields not given get defaults (seeded ids where the field names a
	 * sandbox object). Throws if the event would not match Seam's event schema.
	 */
	emitEvent(
		eventType: SeamEventType,
		fields?: Record<string, unknown>,
		options?: EmitOptions,
	): SeamEvent;
	/** `count` events of one type, oldest first; pass `at` to give them all the same timestamp. */
	emitEvents(count: number, eventType: SeamEventType, options?: EmitManyOptions): SeamEvent[];
	/**
	 * The next `times` (default 1) requests to `path` (e.g. '/acs/users/create') get `fault`
	 * instead of their answer: a 429, a 5xx JSON error, an HTML error page, a connection reset or
	 * no answer at all, with the request processed first or not (see faults.ts). Faults queue up
	 * per path in the order given. Throws for a path the sandbox does not serve.
	 */
	failNext(path: string, fault: Fault, times?: number): void;
	/** Faults queued and not yet used; a test that queued faults should expect this to be empty. */
	pendingFaults(): PendingFault[];
	/**
	 * Takes a device offline (properties.online false, a device_disconnected
	 * error, a device.disconnected event; lock actions on it fail) or back
	 * online (device.connected). Throws for an unknown device. reset() brings
	 * every device back online.
	 */
	setDeviceOnline(deviceId: string, online: boolean): void;
	/**
	 * The lock refuses the access codes created or changed (new PIN or times) from now on: when it
	 * would take one, the code gets `errorCode` (an access code error Seam documents, default
	 * failed_to_set_on_device) in its `errors` instead of becoming `set`,
	 * access_code.failed_to_set_on_device is recorded and the code's action attempt fails.
	 * Throws for an unknown device or error code. reset() ends it on every lock.
	 */
	failAccessCodesOn(deviceId: string, errorCode?: AccessCodeFailureCode): void;
	/** Ends failAccessCodesOn for the lock: codes created or changed afterwards are set again. */
	stopFailingAccessCodesOn(deviceId: string): void;
	/** Stops the server; pending webhook deliveries and retries are cancelled. */
	close(): Promise<void>;
	/**
	 * Back to the freshly seeded state (same seeded ids, no webhooks); clears
	 * `requests`, `deliveries` and pending faults and cancels pending deliveries.
	 */
	reset(): void;
}

export const DEFAULT_API_KEY = 'seam_test_sandbox_key_0000';

// Compiling the validators takes a couple of seconds; do it once per process,
// however many sandboxes a test suite starts.
let sharedValidator: ContractValidator | null = null;
let warmedUp = false;
function contractValidator(warmUp = true): ContractValidator {
	sharedValidator ??= new ContractValidator();
	if (warmUp && !warmedUp) {
		sharedValidator.warmUp(Object.keys(routes));
		warmedUp = true;
	}
	return sharedValidator;
}

const DEFAULT_FLUSH_TIMEOUT_MS = 10_000;
// close() waits this long at most for deliveries it cut off to wind down.
const CLOSE_TIMEOUT_MS = 2_000;

function delayOption(
	options: SandboxOptions,
	name:
		| 'credentialIssueDelayMs'
		| 'accessMethodIssueDelayMs'
		| 'accessCodeSetDelayMs'
		| 'actionAttemptDelayMs',
): number {
	const value = options[name] ?? 300;
	if (!Number.isFinite(value) || value < 0) {
		throw new RangeError(`${name} must be a non-negative number`);
	}
	return value;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const host = options.host ?? '127.0.0.1';
	const apiKey = options.apiKey ?? DEFAULT_API_KEY;
	const settings = {
		credentialIssueDelayMs: delayOption(options, 'credentialIssueDelayMs'),
		accessMethodIssueDelayMs: delayOption(options, 'accessMethodIssueDelayMs'),
		accessCodeSetDelayMs: delayOption(options, 'accessCodeSetDelayMs'),
		actionAttemptDelayMs: delayOption(options, 'actionAttemptDelayMs'),
		deviceRateLimit: deviceRateLimitOption(options.deviceRateLimit),
	};

	const requests: RecordedRequest[] = [];
	const contractViolations: string[] = [];
	const faults = new FaultQueue();
	const validator = options.validate === false ? null : contractValidator();

	let store: Store = createSeededStore();
	const webhooks = new WebhookService(() => store, {
		retryDelaysMs: retryDelaysOption(options.webhookRetryDelaysMs),
		reportBug: (message) => contractViolations.push(message),
	});
	webhooks.attach(store);

	const server = createServer(
		createRequestHandler({
			apiKey,
			store: () => store,
			validator,
			settings,
			requests,
			contractViolations,
			faults,
			afterRequest: () => webhooks.afterChange(),
		}),
	);

	// emitEvent(s): settle first, so history stays in time order (a PIN that fell
	// due earlier is recorded before the emitted event), then record and deliver.
	const emit = (
		type: SeamEventType,
		count: number,
		fields: Record<string, unknown>,
		at?: Date | string,
	) => {
		const now = new Date();
		const fixedAt = emitTimestamp(at, now);
		settleDueWork(store, now);
		// Emitted events are always checked, even with validate: false (no route warm-up needed).
		const eventValidator = validator ?? contractValidator(false);
		const events: SeamEvent[] = [];
		try {
			for (let index = 0; index < count; index += 1) {
				events.push(emitEvent(store, eventValidator, type, fields, fixedAt ?? new Date()));
			}
		} finally {
			webhooks.afterChange();
		}
		return events;
	};

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host, () => {
			server.off('error', reject);
			resolve();
		});
	});

	const { port } = server.address() as AddressInfo;
	const urlHost = host.includes(':') ? `[${host}]` : host;
	let closing: Promise<void> | null = null;

	return {
		url: `http://${urlHost}:${port}`,
		apiKey,
		seed: getSeedIds(),
		requests,
		contractViolations,
		deliveries: webhooks.deliveries,
		flushDeliveries(timeoutMs = DEFAULT_FLUSH_TIMEOUT_MS) {
			return webhooks.flush(timeoutMs);
		},
		emitEvent(eventType, fields = {}, emitOptions = {}) {
			return emit(eventType, 1, fields, emitOptions.at)[0];
		},
		emitEvents(count, eventType, emitOptions = {}) {
			if (!Number.isInteger(count) || count < 0) {
				throw new RangeError('emitEvents: count must be a non-negative integer');
			}
			return emit(eventType, count, emitOptions.fields ?? {}, emitOptions.at);
		},
		failNext(path, fault, times = 1) {
			faults.failNext(path, fault, times);
		},
		pendingFaults() {
			return faults.list();
		},
		setDeviceOnline(deviceId, online) {
			const device = store.devices.get(deviceId);
			if (device == null) throw new Error(`setDeviceOnline: the sandbox has no device ${deviceId}`);
			const now = new Date();
			// Settle first, so lock actions that fell due before now are decided with the old state.
			settleDueWork(store, now);
			setDeviceOnline(store, device, online, now);
			webhooks.afterChange();
		},
		failAccessCodesOn(deviceId, errorCode = 'failed_to_set_on_device') {
			if (!store.devices.has(deviceId)) {
				throw new Error(`failAccessCodesOn: the sandbox has no device ${deviceId}`);
			}
			if (!isAccessCodeFailureCode(errorCode)) {
				throw new Error(`failAccessCodesOn: ${String(errorCode)} is not an access code error code`);
			}
			store.accessCodeFailures.set(deviceId, errorCode);
		},
		stopFailingAccessCodesOn(deviceId) {
			if (!store.devices.has(deviceId)) {
				throw new Error(`stopFailingAccessCodesOn: the sandbox has no device ${deviceId}`);
			}
			store.accessCodeFailures.delete(deviceId);
		},
		close() {
			closing ??= Promise.all([
				// Requests in flight were destroyed; if one is slow to report it, closing goes on anyway.
				webhooks.close(CLOSE_TIMEOUT_MS).catch(() => undefined),
				new Promise<void>((resolve) => {
					server.close(() => resolve());
					// Clients such as the SDK keep connections alive; without this close() would wait for them.
					server.closeAllConnections();
				}),
			]).then(() => undefined);
			return closing;
		},
		reset() {
			webhooks.reset();
			store = createSeededStore();
			webhooks.attach(store);
			requests.length = 0;
			faults.clear();
		},
	};
}
