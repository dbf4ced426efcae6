import { ACS_SYSTEM, answerTo, pickedObjectOperation } from '../pickedObject';

export const { option, properties, execute } = pickedObjectOperation(
	ACS_SYSTEM,
	{ name: 'Get', description: 'Get an access control system', action: 'Get an ACS system' },
	answerTo((seam, acs_system_id) => seam.acs.systems.get({ acs_system_id })),
);
