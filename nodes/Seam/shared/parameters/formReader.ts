import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { booleanValue } from './booleans';
import { type Choice, choiceListValue, choiceValue } from './choices';
import { assertEndsAfterStarts, dateTimeValue, requireEnd, type TimeWindowFields } from './dates';
import { describeValue } from './describeValue';
import { idListValue, idValue, requiredIdValue } from './ids';
import { InputProblem } from './inputProblem';
import { isEmpty } from './isEmpty';
import { wholeNumberValue } from './numbers';
import { pinCodeValue } from './pinCodes';
import { requiredTextValue, textValue } from './text';

/** Seam's page size: lists default to it, and a Limit above it is what Return All is for. */
export const MAX_LIMIT = 500;

export interface ReturnLimit {
	returnAll: boolean;
	limit: number;
}

/** A form field: its parameter name (a path such as `options.code` inside collections) and label. */
export interface Field {
	name: string;
	label: string;
}

export interface TimeWindow {
	starts_at?: string;
	ends_at?: string;
}

/**
 * Every read of a form field for one input item. Values arrive from expressions as any JSON type;
 * each reader accepts what is unambiguous and otherwise throws a NodeOperationError that names the
 * field as the form shows it, says what arrived and what is expected — before any request.
 */
export class FormReader {
	constructor(
		private readonly context: IExecuteFunctions,
		readonly itemIndex: number,
	) {}

	/** The value as n8n resolved it (resource locators unwrapped); null when the field is absent. */
	raw(name: string): unknown {
		return this.context.getNodeParameter(name, this.itemIndex, null, { extractValue: true });
	}

	text(field: Field): string | undefined {
		return this.guard(() => textValue(this.raw(field.name), field.label));
	}

	requiredText(field: Field): string {
		return this.guard(() => requiredTextValue(this.raw(field.name), field.label));
	}

	id(field: Field): string {
		return this.guard(() => requiredIdValue(this.raw(field.name), field.label));
	}

	optionalId(field: Field): string | undefined {
		return this.guard(() => idValue(this.raw(field.name), field.label));
	}

	idList(field: Field): string[] {
		return this.guard(() => idListValue(this.raw(field.name), field.label));
	}

	boolean(field: Field, fallback: boolean): boolean {
		return this.guard(() => booleanValue(this.raw(field.name), field.label, fallback));
	}

	choice<T extends string>(field: Field, choices: readonly Choice[]): T {
		return this.guard(() => choiceValue(this.raw(field.name), field.label, choices) as T);
	}

	choices<T extends string>(field: Field, choices: readonly Choice[]): T[] {
		return this.guard(() => choiceListValue(this.raw(field.name), field.label, choices) as T[]);
	}

	wholeNumber(field: Field, bounds: { min: number; max: number }, fallback: number): number {
		return this.guard(() => wholeNumberValue(this.raw(field.name), field.label, bounds, fallback));
	}

	pinCode(field: Field, length: { min: number; max: number }): string | undefined {
		return this.guard(() => pinCodeValue(this.raw(field.name), field.label, length));
	}

	/** A collection (Options, Filters, Additional Fields): always an object, maybe empty. */
	collection(field: Field): IDataObject {
		return this.guard(() => {
			const value = this.raw(field.name);
			if (isEmpty(value)) return {};
			if (typeof value === 'object' && !Array.isArray(value)) return value as IDataObject;
			throw new InputProblem(
				`${field.label}: ${describeValue(value)} is not a set of fields`,
				`${field.label} holds named fields; add them with "Add Field" rather than an expression for the whole set.`,
			);
		});
	}

	/** Return All and Limit, as every Get Many shows them. */
	returnLimit(): ReturnLimit {
		const returnAll = this.boolean({ name: 'returnAll', label: 'Return All' }, false);
		if (returnAll) return { returnAll, limit: 0 };
		const limit = this.wholeNumber(
			{ name: 'limit', label: 'Limit' },
			{ min: 1, max: MAX_LIMIT },
			50,
		);
		return { returnAll, limit };
	}

	async dateTime(field: Field): Promise<string | undefined> {
		const value = this.raw(field.name);
		return await this.guardAsync(() =>
			dateTimeValue(value, field.label, this.context.getTimezone()),
		);
	}

	/**
	 * A start and an end, in order. With `openEnded`, an empty end is refused unless that switch
	 * is on: an access that never ends has to be chosen, not fallen into.
	 */
	async timeWindow(
		starts: Field,
		ends: Field,
		openEnded?: { allowed: boolean; switchLabel: string },
	): Promise<TimeWindow> {
		const labels: TimeWindowFields = { starts: starts.label, ends: ends.label };
		const startsAt = await this.dateTime(starts);
		const endsAt = await this.dateTime(ends);
		this.guard(() => {
			if (openEnded && !openEnded.allowed) {
				requireEnd(endsAt, this.raw(ends.name), labels, openEnded.switchLabel);
			}
			assertEndsAfterStarts(startsAt, endsAt, labels);
		});
		const window: TimeWindow = {};
		if (startsAt) window.starts_at = startsAt;
		if (endsAt) window.ends_at = endsAt;
		return window;
	}

	/**
	 * Runs a check that reads several fields together (e.g. a stay's dates) and reports its
	 * problem the way a single field's would be reported.
	 */
	async check<T>(read: () => Promise<T>): Promise<T> {
		return await this.guardAsync(read);
	}

	/** Raises a problem found by the node's own checks (not a single field's shape). */
	fail(message: string, description: string): never {
		throw new NodeOperationError(this.context.getNode(), message, {
			itemIndex: this.itemIndex,
			description,
		});
	}

	private guard<T>(read: () => T): T {
		try {
			return read();
		} catch (error) {
			throw this.asNodeError(error);
		}
	}

	private async guardAsync<T>(read: () => Promise<T>): Promise<T> {
		try {
			return await read();
		} catch (error) {
			throw this.asNodeError(error);
		}
	}

	private asNodeError(error: unknown): unknown {
		if (!(error instanceof InputProblem)) return error;
		return new NodeOperationError(this.context.getNode(), error.message, {
			itemIndex: this.itemIndex,
			description: error.description,
		});
	}
}

export function readForm(context: IExecuteFunctions, itemIndex: number): FormReader {
	return new FormReader(context, itemIndex);
}
