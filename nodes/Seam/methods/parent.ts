import type { ILoadOptionsFunctions } from 'n8n-workflow';

/** The ACS system chosen higher up in the form, if the form has one and it is filled in. */
export function chosenAcsSystemId(context: ILoadOptionsFunctions): string | undefined {
	try {
		const value = context.getCurrentNodeParameter('acsSystemId', { extractValue: true }) as unknown;
		const id = typeof value === 'string' ? value.trim() : '';
		return id === '' ? undefined : id;
	} catch {
		// The operation's form has no ACS system field: list across all systems.
		return undefined;
	}
}
