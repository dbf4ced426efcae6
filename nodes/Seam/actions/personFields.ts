import type { INodeProperties } from 'n8n-workflow';

import type { FormReader } from '../shared/parameters';

/**
 * The fields that describe a person, shared by ACS User → Create, User Identity → Create and the
 * new person of Access Grant → Create, so that they look and read the same everywhere.
 */

export function fullNameField(placeholder: string): INodeProperties {
	return {
		displayName: 'Full Name',
		name: 'fullName',
		type: 'string',
		default: '',
		required: true,
		placeholder,
	};
}

export const emailField: INodeProperties = {
	displayName: 'Email',
	name: 'email',
	type: 'string',
	placeholder: 'name@email.com',
	default: '',
};

export const phoneNumberField: INodeProperties = {
	displayName: 'Phone Number',
	name: 'phoneNumber',
	type: 'string',
	default: '',
	description: 'In E.164 format, e.g. +15555550100',
};

/** Additional Fields for a new person: Email and Phone Number, then what else the operation takes. */
export function personAdditionalFields(...more: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [emailField, phoneNumberField, ...more],
	};
}

// A type, not an interface: it then fits where n8n asks for an IDataObject (an inline user_identity).
export type Person = {
	full_name: string;
	email_address?: string;
	phone_number?: string;
};

/**
 * The person as Seam names the fields, with only what is filled in. `collection` is where Email
 * and Phone Number sit when they are inside one (Additional Fields).
 */
export function readPerson(form: FormReader, collection?: string): Person {
	const at = (name: string) => (collection ? `${collection}.${name}` : name);
	const person: Person = { full_name: form.requiredText({ name: 'fullName', label: 'Full Name' }) };
	const email_address = form.text({ name: at('email'), label: 'Email' });
	const phone_number = form.text({ name: at('phoneNumber'), label: 'Phone Number' });
	if (email_address) person.email_address = email_address;
	if (phone_number) person.phone_number = phone_number;
	return person;
}
