import { toUcs2Hex } from '../../codec';
import type { TextEncoding } from '../../codec/types';
import { InvalidRequestError } from '../../errors';
import type { HttpRequest } from '../../transport/http-transport';
import { encodeParameters, joinUrlPath } from '../../transport/query-string';
import {
  isRoutesmsUnicodeType,
  parseRoutesmsMessageType,
  RoutesmsMessageType,
  routesmsTypeFor,
} from './routesms-message-type';
import type { RoutesmsScheduleFields } from './routesms-schedule';
import { validateRoutesmsSource } from './routesms-source-address';

export const ROUTESMS_SEND_PATH = '/bulksms/bulksms';
export const ROUTESMS_SCHEDULE_PATH = '/bulksms/schedulemsg';

/**
 * The longest request target (path and query) a submit may have. The text travels in the query,
 * and the servers and proxies such a gateway runs behind cut the request line near 8 KB (Tomcat's
 * `maxHttpHeaderSize` of 8,192 bytes holds the request line and every header together; Apache's
 * `LimitRequestLine` is 8,190, nginx's header buffer 8 KB). 7,000 leaves about 1 KB for the method,
 * the protocol and the headers a proxy adds.
 */
export const ROUTESMS_MAX_URL_LENGTH = 7_000;

export interface RoutesmsCredentials {
  username: string;
  password: string;
}

export interface RoutesmsSubmitInput {
  /** Destinations as they go on the wire (already normalised); joined with commas. */
  destinations: string[];
  /** Text as it goes out (after any transliteration the codec applied). */
  text: string;
  /** How the codec classed the text; picks type 0/1 or 2/6 unless `type` is given. */
  encoding: TextEncoding;
  source: string;
  flash?: boolean;
  dlr?: boolean;
  /** An explicit `type` (0, 1, 2, 4, 5, 6, 7) overrides the automatic choice. */
  type?: number | string;
  /** Present for `/bulksms/schedulemsg`. */
  schedule?: RoutesmsScheduleFields;
  /** Passed through unchanged: `entityid`, `tempid`, `tmid` (India DLT), `url` (WAP push), anything else. */
  extra?: Record<string, unknown>;
}

/** Parameters the builder owns; extra parameters may not override them. */
const RESERVED_PARAMETERS = new Set(['username', 'password', 'type', 'dlr', 'destination', 'source', 'message', 'date', 'time', 'gmt']);

/** Vendor's own sample code: Unicode types carry the text as uppercase hex of UCS-2 big-endian ("Hi" → 00480069). */
export function routesmsUnicodeHex(text: string): string {
  return toUcs2Hex(text);
}

function extraParameters(extra: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(extra ?? {})) {
    if (value === undefined || value === null) continue;
    if (RESERVED_PARAMETERS.has(name.toLowerCase())) {
      throw new InvalidRequestError(`"${name}" is set by the Route Mobile client itself: remove it from the extra parameters`, {
        details: { gateway: 'routesms', parameter: name },
      });
    }
    if (typeof value === 'object') {
      throw new InvalidRequestError(`Extra parameter "${name}" must be a text or a number`, { details: { gateway: 'routesms', parameter: name } });
    }
    out[name] = String(value);
  }
  return out;
}

/** The message type that will be used for this input (explicit, or from encoding and flash). */
export function routesmsTypeForInput(input: Pick<RoutesmsSubmitInput, 'type' | 'encoding' | 'flash'>): RoutesmsMessageType {
  return input.type !== undefined ? parseRoutesmsMessageType(input.type) : routesmsTypeFor(input.encoding, input.flash ?? false);
}

/**
 * The GET request of a send (`/bulksms/bulksms`) or a scheduled send (`/bulksms/schedulemsg`).
 * The transport URL-encodes every value (`+` of a sender, spaces and `+` of `gmt`, commas
 * between destinations).
 */
export function buildRoutesmsSubmitRequest(credentials: RoutesmsCredentials, input: RoutesmsSubmitInput): HttpRequest {
  if (input.destinations.length === 0) {
    throw new InvalidRequestError('Give at least one destination number', { details: { gateway: 'routesms' } });
  }
  if (input.text === '') {
    throw new InvalidRequestError('The message is empty: Route Mobile refuses empty messages (1705)', { details: { gateway: 'routesms' } });
  }
  const type = routesmsTypeForInput(input);
  const extra = extraParameters(input.extra);
  if (type === RoutesmsMessageType.wapPush && !extra.url) {
    throw new InvalidRequestError('A WAP push (type 4) needs the link in the extra parameter "url"', { details: { gateway: 'routesms' } });
  }
  const query: Record<string, string> = {
    username: credentials.username,
    password: credentials.password,
    type: String(type),
    dlr: input.dlr ? '1' : '0',
    destination: input.destinations.join(','),
    source: validateRoutesmsSource(input.source),
    message: isRoutesmsUnicodeType(type) ? routesmsUnicodeHex(input.text) : input.text,
    ...(input.schedule ? { date: input.schedule.date, time: input.schedule.time, gmt: input.schedule.gmt } : {}),
    ...extra,
  };
  return {
    method: 'GET',
    path: input.schedule ? ROUTESMS_SCHEDULE_PATH : ROUTESMS_SEND_PATH,
    query,
    headers: { accept: 'text/plain, */*' },
    // A repeated submit sends the SMS twice.
    idempotent: false,
  };
}

/** Characters of the request target (`/prefix/bulksms/bulksms?…`) as the transport writes it. */
export function routesmsRequestTargetLength(request: HttpRequest, baseUrl: string): number {
  const query = encodeParameters(request.query);
  return joinUrlPath(new URL(baseUrl).pathname, request.path).length + (query ? query.length + 1 : 0);
}
