import { createHmac, randomBytes } from 'node:crypto';

import * as verifier from '../../nodes/Seam/trigger/verifySignature';
import type { BenchContext } from './context';
import { spread } from './stats';
import { type BenchRow, noise, times, us, verdict } from './table';

// Row 5: checking one signed Seam delivery (Svix's scheme) with the package's verifier, against
// the bare HMAC-SHA256 of the same signed content: the part no verifier can skip. The rest is
// header parsing, the timestamp window and the constant-time comparison.

const BODY_BYTES = 2048;
// Enough work per round (about a quarter of a second) that a context switch is lost in it.
const ITERATIONS = 20_000;
const MAX_RATIO = 2;

interface SignedDelivery {
	body: Buffer;
	headers: Record<string, string>;
	secret: string;
	key: Buffer;
	/** What the signature covers: `<id>.<timestamp>.<body>`. */
	content: string;
}

function signedDelivery(): SignedDelivery {
	const key = randomBytes(24);
	const event = {
		event_id: '5f0c3c1e-0000-4000-8000-000000000001',
		event_type: 'access_method.issued',
		workspace_id: '5f0c3c1e-0000-4000-8000-000000000002',
		created_at: new Date().toISOString(),
		occurred_at: new Date().toISOString(),
		padding: '',
	};
	const bare = JSON.stringify(event).length;
	event.padding = 'x'.repeat(BODY_BYTES - bare);
	const body = Buffer.from(JSON.stringify(event));
	const id = 'msg_2bench000000000000000000000';
	const timestamp = String(Math.floor(Date.now() / 1000));
	const content = `${id}.${timestamp}.${body.toString('utf8')}`;
	const signature = createHmac('sha256', key).update(content).digest('base64');
	return {
		body,
		key,
		content,
		secret: `whsec_${key.toString('base64')}`,
		headers: {
			'content-type': 'application/json',
			'svix-id': id,
			'svix-timestamp': timestamp,
			'svix-signature': `v1,${signature}`,
		},
	};
}

type Verify = (
	body: Buffer,
	headers: Record<string, string>,
	secret: string,
) => Promise<{ valid: boolean }> | { valid: boolean };

function packageVerifier(): Verify {
	const verify = (verifier as Record<string, unknown>).verifySignature;
	if (typeof verify !== 'function') {
		throw new Error('nodes/Seam/trigger/verifySignature.ts no longer exports verifySignature');
	}
	return verify as Verify;
}

export async function webhookVerifyRow(context: BenchContext): Promise<BenchRow> {
	const verify = packageVerifier();
	const delivery = signedDelivery();
	const check = await verify(delivery.body, delivery.headers, delivery.secret);
	if (!check.valid)
		throw new Error(`The package's verifier refused a good delivery: ${JSON.stringify(check)}`);

	const runVerifier = async (count: number) => {
		const started = performance.now();
		for (let n = 0; n < count; n++) await verify(delivery.body, delivery.headers, delivery.secret);
		return ((performance.now() - started) * 1000) / count;
	};
	const runHmac = (count: number) => {
		const started = performance.now();
		for (let n = 0; n < count; n++) {
			createHmac('sha256', delivery.key).update(delivery.content).digest('base64');
		}
		return ((performance.now() - started) * 1000) / count;
	};
	await runVerifier(ITERATIONS / 4);
	runHmac(ITERATIONS / 4);

	const samples: Array<{ verifier: number; hmac: number }> = [];
	for (let round = 0; round < context.rounds; round++) {
		if (round % 2 === 0) {
			const verifierUs = await runVerifier(ITERATIONS);
			samples.push({ verifier: verifierUs, hmac: runHmac(ITERATIONS) });
		} else {
			const hmacUs = runHmac(ITERATIONS);
			samples.push({ verifier: await runVerifier(ITERATIONS), hmac: hmacUs });
		}
	}
	context.progress(`webhook verification: ${context.rounds} × ${ITERATIONS}`);
	const ratio = spread(samples.map((s) => s.verifier / s.hmac));
	const verifierUs = spread(samples.map((s) => s.verifier)).median;
	return {
		id: '5',
		measure: `Webhook: verify one ${BODY_BYTES / 1024} KB signed event`,
		figure: us(verifierUs),
		baseline: `bare HMAC-SHA256 ${us(spread(samples.map((s) => s.hmac)).median)}`,
		ratio: times(ratio.median),
		noise: noise(ratio, times),
		target: `≤ ${MAX_RATIO}× the bare HMAC`,
		verdict: verdict(ratio.median <= MAX_RATIO),
		meaning: `The Seam Trigger checks a delivery's signature in ${us(verifierUs)}: about ${Math.round(1_000_000 / verifierUs).toLocaleString('en-US')} deliveries a second per core before n8n starts an execution.`,
	};
}
