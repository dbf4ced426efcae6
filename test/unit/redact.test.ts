/** The redactor every user-visible string passes through (see transport/redact.ts). */
import { toNodeError } from '../../nodes/Seam/shared/transport/errors';
import { secretRedactor } from '../../nodes/Seam/shared/transport/redact';
import { SeamRequestError } from '../../nodes/Seam/shared/transport/requestError';
import { safeStringify } from '../helpers/captureLogs';

const KEY = 'seam_test_Redact+Me/9f8e';
const redact = secretRedactor(KEY);

test.each([
	['the key', `key ${KEY} here`, 'key [redacted] here'],
	['a bearer header', `Authorization: Bearer ${KEY}`, 'Authorization: Bearer [redacted]'],
	['another letter case', `got ${KEY.toUpperCase()}`, 'got [redacted]'],
	['URL-encoded', `?k=${encodeURIComponent(KEY)}&x=1`, '?k=[redacted]&x=1'],
	['every occurrence', `${KEY}${KEY}`, '[redacted][redacted]'],
	['a bearer token that is not the key', 'bearer abcdefghijklmnop', 'Bearer [redacted]'],
])('removes %s', (_name, text, expected) => {
	expect(redact(text)).toBe(expected);
});

test('leaves ordinary text alone, including prose about bearer tokens', () => {
	expect(redact('Unauthorized: send `Authorization: Bearer <api key>`')).toBe(
		'Unauthorized: send `Authorization: Bearer <api key>`',
	);
	expect(redact('')).toBe('');
	expect(secretRedactor('')('no secret to hide')).toBe('no secret to hide');
});

test('an HTML body is redacted before it is cut short, so no prefix of the key survives', () => {
	const node = {
		id: 'n',
		name: 'Seam',
		type: 'n8n-nodes-seam.seam',
		typeVersion: 1,
		position: [0, 0] as [number, number],
		parameters: {},
	};
	// The key straddles the 200-character excerpt limit: cut first, then redacted, its first
	// characters would be left in the message.
	const body = `<p>${'x'.repeat(190)} ${KEY} tail</p>`;
	const error = new SeamRequestError('GET', '/acs/systems/get', {
		status: 502,
		headers: { 'content-type': 'text/html' },
		body,
		codes: [],
		timedOut: false,
	});
	const clean = toNodeError(node, error, { endpoint: 'http://seam', apiKey: KEY });
	expect(clean.message).toMatch(/^Seam answered HTTP 502 without a Seam error body: x+ \[redac/);
	expect(safeStringify(clean)).not.toContain(KEY.slice(0, 12));
});
