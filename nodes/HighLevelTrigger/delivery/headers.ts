/**
 * A request header by its lower-case name, read only from the headers themselves: a name such as `__proto__` or
 * `constructor` finds nothing rather than what every object inherits. A header sent twice arrives as Node joins it,
 * the values separated by ", ".
 */
export function headerValue(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
	if (!Object.prototype.hasOwnProperty.call(headers, name)) {
		return undefined;
	}
	const value = headers[name];
	return Array.isArray(value) ? value.join(', ') : value;
}
