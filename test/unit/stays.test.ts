/**
 * The pure parts of a stay: the upsert's decision, the booking's times, the PIN from a phone and
 * which doors a chosen PIN can work on.
 */
import { InputProblem } from '../../nodes/Seam/shared/parameters';
import { pinProblems, type StayDoors } from '../../nodes/Seam/shared/stays/stayDoors';
import { lastDigitsOfPhone } from '../../nodes/Seam/shared/stays/stayPin';
import { type CurrentGrant, planStay } from '../../nodes/Seam/shared/stays/stayPlan';
import { readableTime, stayTimes, timeOfDay } from '../../nodes/Seam/shared/stays/stayTimes';

const FROM = '2030-03-04T15:00:00.000Z';
const UNTIL = '2030-03-07T10:00:00.000Z';
const grant = (id: string, fields: Record<string, unknown> = {}): CurrentGrant => ({
	grant: { access_grant_id: id, starts_at: FROM, ends_at: UNTIL, ...fields },
	spaceIds: ['unit-1'],
});
const wanted = { spaceIds: ['unit-1'], validFrom: FROM, validUntil: UNTIL };

describe('planStay', () => {
	test('nothing yet: create', () => {
		const plan = planStay([], wanted);
		expect(plan).toMatchObject({ status: 'created', remove: [] });
		expect(plan.keep).toBeUndefined();
	});
	test('same doors and times: unchanged, nothing to write', () => {
		const plan = planStay([grant('g1')], wanted);
		expect(plan).toMatchObject({ status: 'unchanged', updateTimes: false, remove: [] });
		expect(plan.keep?.access_grant_id).toBe('g1');
	});
	test('the same instant written differently is the same time', () => {
		const plan = planStay([grant('g1', { starts_at: '2030-03-04T16:00:00+01:00' })], wanted);
		expect(plan.status).toBe('unchanged');
	});
	test('new times: update the grant in place', () => {
		const plan = planStay([grant('g1')], { ...wanted, validUntil: '2030-03-08T10:00:00.000Z' });
		expect(plan).toMatchObject({
			status: 'updated',
			changes: ['dates'],
			updateTimes: true,
			remove: [],
		});
	});
	test('new doors: a new grant, the old one removed after it', () => {
		const plan = planStay([grant('g1')], { ...wanted, spaceIds: ['unit-2'] });
		expect(plan).toMatchObject({ status: 'moved', changes: ['doors'] });
		expect(plan.keep).toBeUndefined();
		expect(plan.remove.map((g) => g.access_grant_id)).toEqual(['g1']);
		expect(plan.previous?.access_grant_id).toBe('g1');
	});
	test('an interrupted move (both grants there): keep the one that fits, remove the other', () => {
		const moved = { grant: grant('g2').grant, spaceIds: ['unit-2'] };
		const plan = planStay([moved, grant('g1')], { ...wanted, spaceIds: ['unit-2'] });
		expect(plan.status).toBe('moved');
		expect(plan.keep?.access_grant_id).toBe('g2');
		expect(plan.remove.map((g) => g.access_grant_id)).toEqual(['g1']);
	});
	test('a different chosen code: a new grant (Seam cannot change a grant’s code)', () => {
		const withCode = grant('g1', { requested_access_methods: [{ mode: 'code', code: '1234' }] });
		const plan = planStay([withCode], { ...wanted, code: '9876' });
		expect(plan).toMatchObject({ status: 'updated', changes: ['pin'] });
		expect(plan.keep).toBeUndefined();
		expect(planStay([withCode], { ...wanted, code: '1234' }).status).toBe('unchanged');
		// Seam's own choice matches whatever code the grant has.
		expect(planStay([withCode], wanted).status).toBe('unchanged');
	});
	test('devices compared by the doors the grant opens, in any order', () => {
		const byDoors: CurrentGrant = { grant: grant('g1').grant, doorIds: ['a', 'b'] };
		expect(
			planStay([byDoors], { doorIds: ['a', 'b'], validFrom: FROM, validUntil: UNTIL }).status,
		).toBe('unchanged');
		expect(planStay([byDoors], { doorIds: ['a'], validFrom: FROM, validUntil: UNTIL }).status).toBe(
			'moved',
		);
	});
});

describe('stay times', () => {
	const base = {
		datesAre: 'dateTimes' as const,
		checkInTime: undefined,
		checkOutTime: undefined,
		timeZone: 'Europe/Madrid',
		bufferBeforeMinutes: 0,
		bufferAfterMinutes: 0,
		now: new Date('2030-01-01T00:00:00Z'),
	};
	test('a date-time without a zone is read at the property', async () => {
		const times = await stayTimes({
			...base,
			checkIn: '2030-03-04T15:00',
			checkOut: '2030-03-07T11:00',
		});
		expect(times.checkIn).toBe('2030-03-04T14:00:00.000Z');
		expect(times.validUntil).toBe('2030-03-07T10:00:00.000Z');
	});
	test('dates only take the property times, on those days, in its zone (summer time too)', async () => {
		const times = await stayTimes({
			...base,
			datesAre: 'dates',
			checkIn: '2030-06-01',
			checkOut: '2030-06-03T00:00:00',
			checkInTime: '3:30 pm',
			checkOutTime: '11',
			bufferBeforeMinutes: 30,
			bufferAfterMinutes: 60,
		});
		expect(times.checkIn).toBe('2030-06-01T13:30:00.000Z');
		expect(times.validFrom).toBe('2030-06-01T13:00:00.000Z');
		expect(times.checkOut).toBe('2030-06-03T09:00:00.000Z');
		expect(times.validUntil).toBe('2030-06-03T10:00:00.000Z');
	});
	test('check-out not after check-in, an ended stay, a missing check-out: refused', async () => {
		await expect(
			stayTimes({ ...base, checkIn: '2030-03-04T15:00', checkOut: '2030-03-04T15:00' }),
		).rejects.toThrow('Check-Out must be after Check-In');
		await expect(
			stayTimes({ ...base, checkIn: '2029-03-04T15:00', checkOut: '2029-03-05T15:00' }),
		).rejects.toThrow('This stay is already over');
		await expect(stayTimes({ ...base, checkIn: '2030-03-04T15:00', checkOut: '' })).rejects.toThrow(
			'Check-Out is required',
		);
		await expect(
			stayTimes({
				...base,
				datesAre: 'dates',
				checkIn: '2030-03-04',
				checkOut: null,
				checkInTime: '15:00',
				checkOutTime: '11:00',
			}),
		).rejects.toThrow('Check-Out is required');
	});
	test.each([
		['15:00', 15, 0],
		['9:05', 9, 5],
		['3 PM', 15, 0],
		['12:30 a.m.', 0, 30],
		['12 pm', 12, 0],
	])('time of day %s', (text, hour, minute) => {
		expect(timeOfDay(text, 'Check-In Time')).toEqual({ hour, minute });
	});
	test.each(['24:00', '13 pm', 'noon', '', '7:60'])('not a time of day: %s', (text) => {
		expect(() => timeOfDay(text, 'Check-In Time')).toThrow(InputProblem);
	});
	test('readable local time', async () => {
		expect(await readableTime('2030-03-04T14:00:00.000Z', 'Europe/Madrid')).toBe(
			'Mon, Mar 4, 2030, 3:00 PM',
		);
	});
});

describe('PIN from the phone', () => {
	test('the last digits, whatever the formatting', () => {
		expect(lastDigitsOfPhone('+1 (555) 010-4821', 4, 'Guest Phone')).toBe('4821');
		expect(lastDigitsOfPhone('+44 20 7946 0958', 6, 'Guest Phone')).toBe('460958');
	});
	test('too few digits, or none', () => {
		expect(() => lastDigitsOfPhone('555', 4, 'Guest Phone')).toThrow('fewer than 4 digits');
		expect(() => lastDigitsOfPhone(undefined, 4, 'Guest Phone')).toThrow('Guest Phone is required');
	});
});

describe('pinProblems', () => {
	const doors: StayDoors = {
		spaceIds: ['s'],
		spaceNames: ['Unit'],
		targets: {},
		doors: [
			{ type: 'device', id: 'd1', name: 'Front', takesPin: true, codeLengths: [4, 5, 6] },
			{ type: 'device', id: 'd2', name: 'Deadbolt', takesPin: false },
			{ type: 'acs_entrance', id: 'e1', name: 'Lobby', takesPin: true, generatesPinsAs: 'Latch' },
		],
	};
	test('Seam’s choice in a space: doors without a keypad are left to Seam', () => {
		expect(pinProblems(doors, 'spaces', undefined)).toEqual([]);
	});
	test('chosen one by one, a door without a keypad is a problem', () => {
		expect(pinProblems(doors, 'devices', undefined)).toEqual([
			'"Deadbolt" (d2) cannot take a PIN code',
		]);
	});
	test('a chosen code: lengths and systems that make their own PINs', () => {
		expect(pinProblems(doors, 'spaces', '1234567')).toEqual([
			'"Front" takes 4, 5, 6-digit codes, not 7 digits',
			'"Lobby" is a Latch door: Latch generates every PIN itself',
		]);
	});
});
