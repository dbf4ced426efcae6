import { SEAM_ROUTES, type SeamRoute } from './seamRoutes';

type Parameters = Record<string, unknown> | undefined;
type Body = Record<string, unknown>;

/** Sends one request to Seam and returns its JSON answer, or throws a clean failure. */
export type SendToSeam = (route: SeamRoute, parameters: Parameters) => Promise<Body>;

/** Seam answered 2xx with something other than the object the route promises. */
export class SeamResponseShapeError extends Error {
	constructor(path: string, key: string, problem: string) {
		super(`Seam's answer to ${path} has no usable "${key}": ${problem}`);
		this.name = 'SeamResponseShapeError';
	}
}

function readKey(body: unknown, key: string, path: string): unknown {
	if (body === null || typeof body !== 'object') {
		throw new SeamResponseShapeError(path, key, `got ${body === null ? 'null' : typeof body}`);
	}
	if (!(key in body)) throw new SeamResponseShapeError(path, key, 'the key is missing');
	return (body as Body)[key];
}

/**
 * One call of an SDK method, as the SDK models it: lazy (nothing is sent until it is awaited),
 * sent at most once, and answering with the route's response key.
 */
export class SeamRequest implements PromiseLike<unknown> {
	#answer: Promise<Body> | undefined;

	constructor(
		private readonly send: SendToSeam,
		readonly route: SeamRoute,
		readonly parameters: Parameters,
	) {}

	get pathname(): string {
		return this.route.path;
	}

	get method(): string {
		return this.route.method;
	}

	get responseKey(): string | undefined {
		return this.route.responseKey;
	}

	get hasPagination(): boolean {
		return this.route.paginated;
	}

	/** The same request for another page; the SDK adds `page_cursor` the same way. */
	withPageCursor(pageCursor: string | undefined): SeamRequest {
		return new SeamRequest(this.send, this.route, {
			...(this.parameters ?? {}),
			page_cursor: pageCursor,
		});
	}

	async fetchResponse(): Promise<Body> {
		this.#answer ??= this.send(this.route, this.parameters);
		return await this.#answer;
	}

	async execute(): Promise<unknown> {
		const body = await this.fetchResponse();
		return this.responseKey === undefined
			? undefined
			: readKey(body, this.responseKey, this.pathname);
	}

	then<A = unknown, B = never>(
		onFulfilled?: ((value: unknown) => A | PromiseLike<A>) | null,
		onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
	): Promise<A | B> {
		return this.execute().then(onFulfilled, onRejected);
	}
}

interface Pagination {
	hasNextPage: boolean;
	nextPageCursor: string | null;
	nextPageUrl: string | null;
}

/** The SDK's SeamPaginator, for the ways the nodes read lists: page by page, or all at once. */
export class SeamPaginator {
	constructor(private readonly request: SeamRequest) {
		if (!request.hasPagination) {
			throw new Error(`The ${request.pathname} endpoint does not support pagination`);
		}
	}

	async firstPage(): Promise<[unknown[], Pagination]> {
		return await this.fetch(undefined);
	}

	async nextPage(cursor: string | null): Promise<[unknown[], Pagination]> {
		if (cursor == null) throw new Error('Cannot get the next page with a null nextPageCursor');
		return await this.fetch(cursor);
	}

	async flattenToArray(): Promise<unknown[]> {
		const items: unknown[] = [];
		let [page, pagination] = await this.firstPage();
		items.push(...page);
		while (pagination.hasNextPage && pagination.nextPageCursor) {
			[page, pagination] = await this.nextPage(pagination.nextPageCursor);
			items.push(...page);
		}
		return items;
	}

	private async fetch(cursor: string | undefined): Promise<[unknown[], Pagination]> {
		const request = this.request.withPageCursor(cursor);
		const body = await request.fetchResponse();
		const key = request.responseKey as string;
		const data = readKey(body, key, request.pathname);
		if (!Array.isArray(data)) throw new SeamResponseShapeError(request.pathname, key, 'not a list');
		const page = readKey(body, 'pagination', request.pathname);
		if (page === null || typeof page !== 'object') {
			throw new SeamResponseShapeError(request.pathname, 'pagination', 'not an object');
		}
		const p = page as {
			has_next_page?: boolean;
			next_page_cursor?: string | null;
			next_page_url?: string | null;
		};
		return [
			data,
			{
				hasNextPage: p.has_next_page ?? false,
				nextPageCursor: p.next_page_cursor ?? null,
				nextPageUrl: p.next_page_url ?? null,
			},
		];
	}
}

/**
 * The client object the operations call (`seam.acs.users.create(params)`), built from the route
 * table: each SDK method the nodes use becomes a function that returns a SeamRequest.
 */
export function buildSeamClient(send: SendToSeam): Record<string, unknown> {
	const client: Record<string, unknown> = {
		createPaginator: (request: SeamRequest) => new SeamPaginator(request),
	};
	for (const [name, route] of Object.entries(SEAM_ROUTES) as Array<[string, SeamRoute]>) {
		const names = name.split('.');
		let node = client;
		for (const part of names.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
		node[names[names.length - 1]] = (parameters?: Record<string, unknown>) =>
			new SeamRequest(send, route, parameters);
	}
	return client;
}
