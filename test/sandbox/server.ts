import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { ContractValidator } from './openapi-validator';
import { createRequestHandler, type RecordedRequest } from './request-handler';
import { routes } from './routes';
import { createSeededStore, getSeedIds, type SeedIds } from './seed';
import type { Store } from './store';

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
	 * Default true. Validate request parameters and 200 bodies against Seam's
	 * OpenAPI document; a non-conforming response becomes a 500
	 * sandbox_contract_violation and is recorded in contractViolations.
	 */
	validate?: boolean;
}

export interface Sandbox {
	url: string;
	apiKey: string;
	seed: SeedIds;
	/** Every request received, in order. */
	requests: RecordedRequest[];
	/** Sandbox bugs: responses that broke Seam's documented contract, and crashes. */
	contractViolations: string[];
	close(): Promise<void>;
	/** Back to the freshly seeded state (same seeded ids); also clears `requests`. */
	reset(): void;
}

export const DEFAULT_API_KEY = 'seam_test_sandbox_key_0000';

// Compiling the validators takes a couple of seconds; do it once per process,
// however many sandboxes a test suite starts.
let sharedValidator: ContractValidator | null = null;
function contractValidator(): ContractValidator {
	if (sharedValidator == null) {
		sharedValidator = new ContractValidator();
		sharedValidator.warmUp(Object.keys(routes));
	}
	return sharedValidator;
}

function delayOption(
	options: SandboxOptions,
	name: 'credentialIssueDelayMs' | 'accessMethodIssueDelayMs',
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
	};

	let store: Store = createSeededStore();
	const requests: RecordedRequest[] = [];
	const contractViolations: string[] = [];

	const server = createServer(
		createRequestHandler({
			apiKey,
			store: () => store,
			validator: options.validate === false ? null : contractValidator(),
			settings,
			requests,
			contractViolations,
		}),
	);

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
		close() {
			closing ??= new Promise<void>((resolve) => {
				server.close(() => resolve());
				// Clients such as the SDK keep connections alive; without this close() would wait for them.
				server.closeAllConnections();
			});
			return closing;
		},
		reset() {
			store = createSeededStore();
			requests.length = 0;
		},
	};
}
