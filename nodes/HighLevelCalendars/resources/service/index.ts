import type { INodeProperties } from 'n8n-workflow';

import { crudOperationField } from '../../description/crudOperations';
import type { ItemHandler } from '../../execution/runItems';
import * as create from './create';
import * as deleteService from './delete';
import * as get from './get';
import * as getMany from './getMany';
import * as update from './update';

export const serviceOperationHandlers: Record<string, ItemHandler> = {
	create: create.execute,
	get: get.execute,
	getAll: getMany.execute,
	update: update.execute,
	delete: deleteService.execute,
};

export const serviceOperationField = crudOperationField('service', 'a service', 'services');

/** The Service resource's fields after the Location ID fields. */
export const serviceDescription: INodeProperties[] = [
	...create.description,
	...get.description,
	...getMany.description,
	...update.description,
	...deleteService.description,
];
