/**
 * jCal (RFC 7265), what ical.js makes of iCalendar text: a component is
 * [name, properties, subcomponents], a property [name, parameters, value type, ...values], names
 * in lower case, text values unescaped.
 */
export type JCalProperty = [string, Record<string, unknown>, string, ...unknown[]];
export type JCalComponent = [string, JCalProperty[], JCalComponent[]];

function isComponent(value: unknown): value is JCalComponent {
	return (
		Array.isArray(value) &&
		typeof value[0] === 'string' &&
		Array.isArray(value[1]) &&
		Array.isArray(value[2])
	);
}

/** ical.parse answers one component, or an array of them when the text holds several. */
export function rootComponents(parsed: unknown): JCalComponent[] | undefined {
	if (isComponent(parsed)) return [parsed];
	if (Array.isArray(parsed) && parsed.every(isComponent)) return parsed;
	return undefined;
}

export function subcomponents(component: JCalComponent, name: string): JCalComponent[] {
	return component[2].filter((child) => child[0] === name);
}

export function property(component: JCalComponent, name: string): JCalProperty | undefined {
	return component[1].find((prop) => prop[0] === name);
}

export function hasProperty(component: JCalComponent, name: string): boolean {
	return property(component, name) !== undefined;
}

/** The first value of a property, as text; undefined when absent. */
export function propertyText(prop: JCalProperty | undefined): string | undefined {
	if (!prop || prop.length < 4) return undefined;
	const value = prop[3];
	return value === null || value === undefined ? undefined : String(value);
}

export function textOf(component: JCalComponent, name: string): string | undefined {
	return propertyText(property(component, name));
}

export function parameter(prop: JCalProperty, name: string): string | undefined {
	const value = prop[1][name];
	if (Array.isArray(value)) return value.length > 0 ? String(value[0]) : undefined;
	return value === undefined || value === null ? undefined : String(value);
}
