import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkNoteBody } from '../../api/appointmentNotes/noteBody';
import type { NoteFields } from '../../api/appointmentNotes/types';
import { requireText } from '../../shared/validation';
import { appointmentIdField } from '../appointment/appointmentFields';

type Show = INodeProperties['displayOptions'];

/** The appointment whose notes to act on. */
export const noteAppointmentField = (show: Show): INodeProperties =>
	appointmentIdField(show, "The appointment the notes belong to: the ID Book outputs, or the trigger's AppointmentCreate gives");

export const noteIdField = (show: Show): INodeProperties => ({
	displayName: 'Note ID',
	name: 'noteId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. HGPcayliwcdoUFzvbTok',
	description: 'The note to act on: the ID a Create or Get Many of notes output',
	displayOptions: show,
});

/** The note's text and its user: what Create and Update send. */
export const noteFields = (show: Show): INodeProperties[] => [
	{
		displayName: 'Note',
		name: 'noteBody',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		placeholder: 'e.g. Booked from the website form; wants a call back in the morning',
		description: 'The text of the note, up to 5,000 characters',
		displayOptions: show,
	},
	{
		displayName: 'User ID',
		name: 'noteUserId',
		type: 'string',
		default: '',
		placeholder: 'e.g. GCs5KuzPqTls7vWclkEV',
		description: 'The sub-account user the note is by. Leave empty for none.',
		displayOptions: show,
	},
];

export function readNoteId(ctx: IExecuteFunctions, itemIndex: number): string {
	return requireText(ctx.getNode(), ctx.getNodeParameter('noteId', itemIndex), 'Note ID', itemIndex);
}

/** The Note and User ID, checked against NotesDTO. */
export function readNoteFields(ctx: IExecuteFunctions, itemIndex: number): NoteFields {
	const node = ctx.getNode();
	const fields: NoteFields = { body: requireText(node, ctx.getNodeParameter('noteBody', itemIndex), 'Note', itemIndex) };
	const userId = String(ctx.getNodeParameter('noteUserId', itemIndex, '') ?? '').trim();
	if (userId) fields.userId = userId;
	return checkNoteBody(node, fields, itemIndex);
}
