/** Whether `to` (with or without `+`) starts with one of the prefixes that have no route. */
export function hasNoRoute(noRoutePrefixes: readonly string[], to: string): boolean {
  return noRoutePrefixes.some((prefix) => to.replace(/^\+/, '').startsWith(prefix));
}
