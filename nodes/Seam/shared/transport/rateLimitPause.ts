import { sleep } from 'n8n-workflow';

/**
 * When Seam answers 429 with Retry-After, every request of the same run waits until then, not
 * only the one that was turned away: with several items in flight (batching), the others would
 * otherwise hit the same limit and spend their retries.
 */
export class RateLimitPause {
	private resumeAt = 0;

	until(timestamp: number): void {
		this.resumeAt = Math.max(this.resumeAt, timestamp);
	}

	async wait(): Promise<void> {
		const remaining = this.resumeAt - Date.now();
		if (remaining > 0) await sleep(remaining);
	}
}
