export const SEAM_CREDENTIAL_NAME = 'seamApi';
export const DEFAULT_SEAM_ENDPOINT = 'https://connect.getseam.com';

export interface SeamApiCredentials {
	apiKey: string;
	apiUrl?: string;
}

export function endpointOf(credentials: SeamApiCredentials): string {
	const url = (credentials.apiUrl ?? '').trim();
	return (url === '' ? DEFAULT_SEAM_ENDPOINT : url).replace(/\/+$/, '');
}
