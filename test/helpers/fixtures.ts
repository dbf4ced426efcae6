import type { IDataObject } from 'n8n-workflow';

import { byId, type SeamTarget } from './seamTarget';

export interface AcsFixtures {
	salto: IDataObject;
	latch: IDataObject;
	saltoGroups: IDataObject[];
	mainGroup: IDataObject;
	latchEntrances: IDataObject[];
}

/**
 * Finds the seeds' systems through the node itself, as a user would: the Salto KS site, its
 * "Main Group", and the Latch building with its entrances. Works on the local sandbox and on a
 * real Seam sandbox workspace alike.
 */
export async function findAcsFixtures(target: SeamTarget): Promise<AcsFixtures> {
	const systems = (
		await target.ok({ resource: 'acsSystem', operation: 'getMany', returnAll: true })
	).map((i) => i.json);
	const salto = systems.find((s) => String(s.external_type).startsWith('salto_ks'));
	const latch = systems.find((s) => String(s.external_type).startsWith('latch'));
	if (!salto || !latch) throw new Error('The workspace needs a Salto KS site and a Latch building');
	const saltoGroups = (
		await target.ok({
			resource: 'accessGroup',
			operation: 'getMany',
			acsSystemId: byId(String(salto.acs_system_id)),
			returnAll: true,
		})
	).map((i) => i.json);
	const mainGroup = saltoGroups.find((g) => g.name === 'Main Group') ?? saltoGroups[0];
	const latchEntrances = (
		await target.ok({
			resource: 'entrance',
			operation: 'getMany',
			acsSystemId: byId(String(latch.acs_system_id)),
			returnAll: true,
		})
	).map((i) => i.json);
	return { salto, latch, saltoGroups, mainGroup, latchEntrances };
}
