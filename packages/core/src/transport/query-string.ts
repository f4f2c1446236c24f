/** Parameter values a request may carry; `undefined` means "leave the parameter out". */
export type ParameterValues = Record<string, string | number | boolean | undefined>;

/**
 * `a=1&b=x%2By`: every name and value through encodeURIComponent, so `+`, `;`, spaces and
 * non-ASCII survive gateways that decode `+` as a space. Used for query strings and for
 * `application/x-www-form-urlencoded` bodies alike.
 */
export function encodeParameters(parameters: ParameterValues | undefined): string {
  if (!parameters) return '';
  let encoded = '';
  let first = true;
  for (const name in parameters) {
    if (!Object.prototype.hasOwnProperty.call(parameters, name)) continue;
    const value = parameters[name];
    if (value === undefined) continue;
    encoded += `${first ? '' : '&'}${encodeComponent(name)}=${encodeComponent(String(value))}`;
    first = false;
  }
  return encoded;
}

/** Exactly the characters encodeURIComponent leaves alone. */
const UNRESERVED = /^[\w.!~*'()-]*$/;

/** encodeURIComponent, skipped for the common text it would return unchanged. */
function encodeComponent(text: string): string {
  return UNRESERVED.test(text) ? text : encodeURIComponent(text);
}

/** Joins a base path (`/api`, `/`, ``) and a request path (`/http/x`) with exactly one slash between. */
export function joinUrlPath(basePath: string, path: string): string {
  const base = basePath.replace(/\/+$/, '');
  const tail = path.startsWith('/') ? path : `/${path}`;
  return `${base}${tail}`;
}
