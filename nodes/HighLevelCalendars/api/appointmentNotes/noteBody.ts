import type { INode } from 'n8n-workflow';

import { checkBody, type Rule } from '../../shared/schemaCheck';
import type { NoteFields } from './types';

/** NotesDTO, the body of a note's Create and Update. */
export const NOTE_BODY: Rule = {
	type: 'object',
	properties: { body: { type: 'string', maxLength: 5000 }, userId: { type: 'string' } },
	required: ['body'],
};

export function checkNoteBody(node: INode, fields: NoteFields, itemIndex: number): NoteFields {
	return checkBody(node, 'Note', NOTE_BODY, fields, itemIndex) as NoteFields;
}
