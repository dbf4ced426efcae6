/**
 * A POST with a header sent as several header lines, which fetch() cannot do (it joins them
 * itself): what a proxy that duplicates a header sends. Node.js on the receiving side joins the
 * lines into one value, "a, b".
 */
import { request as httpRequest } from 'node:http';

export async function postWithRepeatedHeader(
	url: string,
	body: string,
	headers: Record<string, string>,
	repeated: { name: string; values: string[] },
): Promise<{ status: number; text: string }> {
	const { [repeated.name]: _once, ...others } = headers;
	return await new Promise((resolve, reject) => {
		const request = httpRequest(
			url,
			{ method: 'POST', headers: { 'content-type': 'application/json', ...others } },
			(response) => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () =>
					resolve({
						status: response.statusCode ?? 0,
						text: Buffer.concat(chunks).toString('utf8'),
					}),
				);
			},
		);
		request.on('error', reject);
		// An array value goes out as one header line per entry.
		request.setHeader(repeated.name, repeated.values);
		request.end(body);
	});
}
