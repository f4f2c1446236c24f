import { basicCredentials } from '../../../simulator/simulator-credentials';
import type { SimulatorReply, SimulatorRequest } from '../../../simulator/simulator-request';
import { pythonJson } from '../jasmin-python-json';
import type { HttpApiAnswer } from './http-api-send';

export const DOCS_LINK = { text: 'Documentation related to this error', href: 'http://docs.jasminsms.com/en/latest/apis/rest/index.html', rel: 'help' };

/** A JSON answer of the REST layer, written the way Python's `json.dumps` writes it. */
export function restJson(status: number, value: unknown): SimulatorReply {
  return { status, headers: { 'content-type': 'application/json' }, body: pythonJson(value) };
}

/** The REST layer's `strip('"')`, which eats the closing quote of `Success "<id>"`. */
export function stripQuotes(text: string): string {
  return text.replace(/^"+|"+$/g, '');
}

/** The REST layer's wrapping of an HTTP API answer: `{"message": …}` on error, `{"data": …}` on success. */
export function wrapHttpApiAnswer(answer: HttpApiAnswer): SimulatorReply {
  const text = stripQuotes(answer.body);
  if (answer.status !== 200) return restJson(answer.status, { message: text });
  return restJson(200, { data: text.includes('{') ? (JSON.parse(text) as unknown) : text });
}

/** Wrong credentials on sendbatch. */
export function batchAuthenticationFailure(username: string): SimulatorReply {
  return restJson(412, { title: 'Authentication failed', description: `Authentication failed for user: ${username}` });
}

/** Wrong credentials: 412 on sendbatch, 403 everywhere else. */
export function authenticationFailure(request: SimulatorRequest): SimulatorReply {
  const username = basicCredentials(request)?.username ?? '';
  if (request.path === '/secure/sendbatch') return batchAuthenticationFailure(username);
  return restJson(403, { message: `Error "Authentication failure for username:${username}` });
}

/** The request's JSON object (whatever the content type), or the 412 Jasmin answers. */
export function readJsonBody(request: SimulatorRequest): { params: Record<string, unknown> } | { reply: SimulatorReply } {
  try {
    const parsed = JSON.parse(request.body) as unknown;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new TypeError('not an object');
    return { params: parsed as Record<string, unknown> };
  } catch {
    return { reply: restJson(412, { title: 'Cannot parse JSON data', description: `Got unparseable json data: ${request.body}` }) };
  }
}
