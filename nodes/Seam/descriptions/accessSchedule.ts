import type { INodeProperties } from 'n8n-workflow';

export const accessScheduleFields = (required: boolean): INodeProperties[] => [
	{
		displayName: 'Access Starts At',
		name: 'startsAt',
		type: 'dateTime',
		default: '',
		required,
		description: "When access begins. Without a time zone, the workflow's time zone applies.",
	},
	{
		displayName: 'Access Ends At',
		name: 'endsAt',
		type: 'dateTime',
		default: '',
		required,
		description: 'When access ends; must be after the start',
	},
];
