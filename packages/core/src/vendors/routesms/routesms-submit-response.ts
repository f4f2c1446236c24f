import { GatewayMalformedResponseError, type GatewayError } from '../../errors';
import { describeRoutesmsCode, ROUTESMS_SUCCESS_CODE, routesmsError } from './routesms-error-table';

/** One comma-separated entry of a submit answer: `1701|<destination>|<id>` or `<code>[|<destination>]`. */
export interface RoutesmsSubmitEntry {
  code: number;
  destination?: string;
  messageId?: string;
}

const ENTRY_PATTERN = /^(\d{1,5})(?:\|([^|]*))?(?:\|([^|]*))?$/;

/**
 * Reads the body of `/bulksms/bulksms` or `/bulksms/schedulemsg`. Tolerant of surrounding
 * whitespace, line breaks between entries and a trailing comma; anything else (HTML, JSON, an
 * empty body, a 1701 without an id) is a malformed answer.
 */
export function parseRoutesmsSubmitResponse(body: string): RoutesmsSubmitEntry[] {
  const pieces = body
    .split(/[,\r\n]+/)
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '');
  if (pieces.length === 0) {
    throw new GatewayMalformedResponseError('Route Mobile answered with an empty body: check the base URL and port of the gateway', {
      details: { gateway: 'routesms' },
    });
  }
  return pieces.map((piece) => {
    const match = ENTRY_PATTERN.exec(piece);
    const code = match ? Number(match[1]) : NaN;
    const destination = match?.[2]?.trim() || undefined;
    const messageId = match?.[3]?.trim() || undefined;
    if (!match || (code === ROUTESMS_SUCCESS_CODE && !messageId)) {
      throw new GatewayMalformedResponseError(
        'Route Mobile answered something that is not a submit result: check that the base URL points at the bulk HTTP API',
        // No excerpt of the body: an error page may echo the request URL, password included.
        { details: { gateway: 'routesms' } },
      );
    }
    return { code, destination, messageId };
  });
}

/**
 * The error to throw for a whole answer, or undefined when results should be reported per
 * destination: a request fails as a whole only when nothing was accepted and a request-scoped
 * code (auth, credit, URL …) came back.
 */
export function routesmsRequestFailure(entries: RoutesmsSubmitEntry[], httpStatus?: number): GatewayError | undefined {
  if (entries.some((entry) => entry.code === ROUTESMS_SUCCESS_CODE)) return undefined;
  const requestScoped = entries.find((entry) => describeRoutesmsCode(entry.code).scope === 'request');
  if (!requestScoped) return undefined;
  return routesmsError(requestScoped.code, requestScoped.destination, httpStatus === undefined ? {} : { httpStatus });
}
