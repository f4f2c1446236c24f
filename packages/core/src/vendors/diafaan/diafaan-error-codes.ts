import { GatewayAuthError, GatewayRejectedError } from '../../errors/gateway-errors';
import type { SmsBridgeError } from '../../errors/smsbridge-error';

/** The Web connector's API error codes (seed list; 305 and 308 are undocumented). */
export const DIAFAAN_ERROR_TEXTS: Readonly<Record<number, string>> = Object.freeze({
  300: 'Unknown error',
  301: 'No recipients found',
  302: 'Multiple to fields detected',
  303: 'Guest login not available',
  304: 'Authentication error',
  306: 'Unknown command or insufficient parameters',
  307: 'Operation not allowed',
  309: 'Message id not found',
  310: 'HTTP callback authentication not supported for this command',
  311: 'Message rejected',
  312: 'Web application user not found',
});

/** What the user should do about each code. */
const ADVICE: Readonly<Record<number, string>> = {
  301: 'give at least one phone number in "to" or a contact/group from the user\'s contact list in "contact-name"',
  302: 'send the "to" parameter once, with the numbers separated by semicolons',
  303: 'give a username and password: the guest account is disabled on this server',
  304: 'check the username and password of the Diafaan user',
  306: 'check the command name and its required parameters',
  307: 'use an account with administrator rights and, for send-server-command, enable SendServerCommandEnabled in the Web connector\'s advanced settings',
  309: 'check the message id; messages removed from the queue or purged from the database are no longer known',
  310: 'use username/password authentication for this command',
  311: 'check the number, the message and the routing rules of the Diafaan server',
  312: 'check the Web application user name',
};

/** Codes that mean "these credentials will not work" rather than "this request was refused". */
const AUTH_CODES = new Set([303, 304, 312]);

/**
 * The error for an `ERROR:<code> <text>` line, its code in `vendorCode`. `retryable` stays false
 * and the outcome is the class default (`refused`): every code is a decision by the server that
 * repeating the same request will not change, and the manual documents none as "not processed".
 */
export function diafaanError(code: number | undefined, text: string, command: string): SmsBridgeError {
  const documented = code === undefined ? undefined : DIAFAAN_ERROR_TEXTS[code];
  const shown = text || documented || 'no error text';
  const advice = code === undefined ? undefined : ADVICE[code];
  const message = `Diafaan ${command} failed: ${code === undefined ? '' : `${code} `}${shown}${advice ? ` — ${advice}.` : '.'}`;
  const details = { gateway: 'diafaan', command, diafaanText: shown };
  if (code !== undefined && AUTH_CODES.has(code)) return new GatewayAuthError(message, { vendorCode: code, details });
  return new GatewayRejectedError(message, code ?? shown, { details });
}
