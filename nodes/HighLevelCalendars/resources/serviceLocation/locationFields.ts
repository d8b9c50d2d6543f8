import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pickerField } from '../../description/pickerField';
import { requireText } from '../../shared/validation';

export const serviceLocationLocator = pickerField('Service Location', 'serviceLocation', 'searchServiceLocations', 'service location');

/** The fields Create offers under Additional Fields and Update under Update Fields (CreateServiceLocationDTO). */
export function serviceLocationFieldOptions(): INodeProperties[] {
	return [
		{ displayName: 'Address', name: 'address', type: 'string', default: '', description: 'A full street address for In Person, a label the booker sees for Ask the Booker' },
		{ displayName: 'Cover Image URL', name: 'coverImage', type: 'string', default: '', placeholder: 'e.g. https://example.com/cover.jpg' },
		{
			displayName: 'Location Type',
			name: 'locationType',
			type: 'options',
			default: 'offline',
			options: [
				{ name: 'In Person', value: 'offline', description: 'At the address' },
				{ name: 'Ask the Booker', value: 'ask_booker', description: 'The booker gives the meeting location' },
			],
		},
		{ displayName: 'Phone', name: 'phone', type: 'string', default: '', placeholder: 'e.g. +1-212-555-0174' },
	];
}

export function readServiceLocationId(ctx: IExecuteFunctions, itemIndex: number): string {
	return requireText(ctx.getNode(), ctx.getNodeParameter('serviceLocation', itemIndex, '', { extractValue: true }), 'Service Location', itemIndex);
}
