import type { INodeProperties } from 'n8n-workflow';

import { crudOperationField } from '../../description/crudOperations';
import type { ItemHandler } from '../../execution/runItems';
import * as create from './create';
import * as deleteLocation from './delete';
import * as get from './get';
import * as getMany from './getMany';
import * as update from './update';

export const serviceLocationOperationHandlers: Record<string, ItemHandler> = {
	create: create.execute,
	get: get.execute,
	getAll: getMany.execute,
	update: update.execute,
	delete: deleteLocation.execute,
};

export const serviceLocationOperationField = crudOperationField('serviceLocation', 'a service location', 'service locations');

/** The Service Location resource's fields after the Location ID fields. */
export const serviceLocationDescription: INodeProperties[] = [
	...create.description,
	...get.description,
	...getMany.description,
	...update.description,
	...deleteLocation.description,
];
