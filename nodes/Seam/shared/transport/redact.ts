/**
 * Last line of defence: whatever text reaches the user passes through here before it leaves.
 * The API key is removed in every spelling a server might echo it back in (any letter case,
 * URL-encoded), and so is any bearer token, whoever's it is.
 */
export type Redactor = (text: string) => string;

const REDACTED = '[redacted]';
// A bearer credential as an Authorization header (or an echo of one) carries it: long enough to
// be a token, so that prose such as "Bearer <api key>" stays readable.
const BEARER_TOKEN = /\bBearer\s+[A-Za-z0-9._~+/=-]{12,}/gi;

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function secretRedactor(secret: string): Redactor {
	const spellings = secret ? [secret, encodeURIComponent(secret)] : [];
	const pattern =
		spellings.length > 0
			? new RegExp(Array.from(new Set(spellings)).map(escapeRegExp).join('|'), 'gi')
			: undefined;
	return (text) => {
		if (!text) return text;
		const withoutSecret = pattern ? text.replace(pattern, REDACTED) : text;
		return withoutSecret.replace(BEARER_TOKEN, `Bearer ${REDACTED}`);
	};
}
