import { invalidInput } from './errors';

// Validation of the start/end pairs Seam takes (acs user access_schedule,
// credential starts_at/ends_at). Problems are reported as invalid_input naming
// the parameter, because that is what a workflow author has to fix.

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Returns the timestamp normalised to ISO 8601 UTC, or throws naming `param`. */
export function parseTimestamp(value: string, param: string, label = param): string {
	const ms = Date.parse(value);
	if (!ISO_8601.test(value) || Number.isNaN(ms)) {
		throw invalidInput({
			[param]: `${label} must be an ISO 8601 date-time with a time zone, e.g. 2025-01-31T15:00:00Z`,
		});
	}
	return new Date(ms).toISOString();
}

export interface TimeWindow {
	starts_at: string | null;
	ends_at: string | null;
}

/**
 * Checks that ends_at is later than starts_at and not already past.
 * `parent` names the object parameter holding the pair (e.g. access_schedule),
 * or is omitted when starts_at/ends_at are top-level parameters.
 */
export function checkTimeWindow(window: TimeWindow, now: Date, parent?: string): void {
	if (window.ends_at == null) return;
	const param = parent ?? 'ends_at';
	const label = parent == null ? 'ends_at' : `${parent}.ends_at`;
	const ends = Date.parse(window.ends_at);
	if (window.starts_at != null && ends <= Date.parse(window.starts_at)) {
		throw invalidInput({ [param]: `${label} must be later than starts_at` });
	}
	if (ends <= now.getTime()) {
		throw invalidInput({ [param]: `${label} must be in the future` });
	}
}
