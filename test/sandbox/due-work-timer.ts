// The sandbox settles time-based state lazily, on each request (settle.ts).
// That is invisible to API clients, but a webhook receiver would wait forever
// for, say, acs_credential.issued if no request happened to follow. While
// webhooks exist, this single timer wakes the sandbox when the next piece of
// work falls due. close() and reset() cancel it.

// setTimeout's ceiling; later due times are re-armed when this fires.
const MAX_DELAY_MS = 2 ** 31 - 1;

export class DueWorkTimer {
	private timer: NodeJS.Timeout | null = null;
	private dueAtMs: number | null = null;

	constructor(private readonly wake: () => void) {}

	/** Fires `wake` at dueAtMs (epoch ms); null cancels. Re-arming for the same time is a no-op. */
	schedule(dueAtMs: number | null): void {
		if (dueAtMs === this.dueAtMs && this.timer != null) return;
		this.cancel();
		if (dueAtMs == null) return;
		this.dueAtMs = dueAtMs;
		const delay = Math.min(MAX_DELAY_MS, Math.max(0, dueAtMs - Date.now()));
		this.timer = setTimeout(() => {
			this.timer = null;
			this.dueAtMs = null;
			this.wake();
		}, delay);
	}

	cancel(): void {
		if (this.timer != null) clearTimeout(this.timer);
		this.timer = null;
		this.dueAtMs = null;
	}
}
