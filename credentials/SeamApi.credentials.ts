import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class SeamApi implements ICredentialType {
	name = 'seamApi';

	displayName = 'Seam API';

	icon: Icon = { light: 'file:../icons/seam.svg', dark: 'file:../icons/seam.dark.svg' };

	documentationUrl = 'https://docs.seam.co/latest/core-concepts/authentication/api-keys';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Create one in Seam Console under Developer → API Keys. A sandbox workspace key (it starts with seam_test) gives you virtual Salto KS, Latch and smart-lock devices to try things safely.',
		},
		{
			displayName: 'API URL',
			name: 'apiUrl',
			type: 'string',
			default: 'https://connect.getseam.com',
			description: 'Leave as is for Seam. Change it only for a self-hosted or local Seam sandbox.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { Authorization: '=Bearer {{$credentials.apiKey}}' },
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.apiUrl.replace(/\\/+$/, "")}}',
			url: '/workspaces/get',
			method: 'GET',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Seam rejected this API key. Check that it is copied whole and has not been revoked.',
				},
			},
		],
	};
}
