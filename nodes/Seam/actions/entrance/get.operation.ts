import { answerTo, ENTRANCE, pickedObjectOperation } from '../pickedObject';

export const { option, properties, execute } = pickedObjectOperation(
	ENTRANCE,
	{ name: 'Get', description: 'Get an entrance (door)', action: 'Get an entrance' },
	answerTo((seam, acs_entrance_id) => seam.acs.entrances.get({ acs_entrance_id })),
);
