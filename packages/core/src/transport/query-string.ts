/** Parameter values a request may carry; `undefined` means "leave the parameter out". */
export type ParameterValues = Record<string, string | number | boolean | undefined>;

/**
 * `a=1&b=x%2By`: every name and value through encodeURIComponent, so `+`, `;`, spaces and
 * non-ASCII survive gateways that decode `+` as a space. Used for query strings and for
 * `application/x-www-form-urlencoded` bodies alike.
 */
export function encodeParameters(parameters: ParameterValues | undefined): string {
  if (!parameters) return '';
  const pairs: string[] = [];
  for (const [name, value] of Object.entries(parameters)) {
    if (value === undefined) continue;
    pairs.push(`${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`);
  }
  return pairs.join('&');
}

/** Joins a base path (`/api`, `/`, ``) and a request path (`/http/x`) with exactly one slash between. */
export function joinUrlPath(basePath: string, path: string): string {
  const base = basePath.replace(/\/+$/, '');
  const tail = path.startsWith('/') ? path : `/${path}`;
  return `${base}${tail}`;
}
