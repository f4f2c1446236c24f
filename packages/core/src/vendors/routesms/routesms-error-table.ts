import {
  GatewayAuthError,
  GatewayError,
  GatewayRejectedError,
  GatewayTimeoutError,
  type SmsBridgeErrorOptions,
} from '../../errors';

/**
 * Whether a code concerns the whole request (account, URL, credit) or only one destination
 * (invalid number, DND). Destination-scoped codes become a refused `SendResult`; request-scoped
 * codes throw when no destination was accepted.
 */
export type RoutesmsErrorScope = 'request' | 'destination';

/** How the client reports a code: which error class, and what the user should do. */
export type RoutesmsErrorKind = 'auth' | 'rejected' | 'timeout';

export interface RoutesmsErrorEntry {
  code: number;
  meaning: string;
  /** What to do about it, said to the user. */
  advice: string;
  kind: RoutesmsErrorKind;
  scope: RoutesmsErrorScope;
  /** The seed's rule: resubmit only on 1709, never on anything else (1715 included). */
  resubmit: boolean;
}

/** The success code that precedes `|<destination>|<message id>`. */
export const ROUTESMS_SUCCESS_CODE = 1701;

function entry(
  code: number,
  meaning: string,
  advice: string,
  kind: RoutesmsErrorKind,
  scope: RoutesmsErrorScope,
  resubmit = false,
): RoutesmsErrorEntry {
  return { code, meaning, advice, kind, scope, resubmit };
}

/** The seed's table (001 §1.4/§2.4) plus 1025, the older code for insufficient credit. */
export const ROUTESMS_ERROR_TABLE: ReadonlyMap<number, RoutesmsErrorEntry> = new Map(
  [
    entry(1702, 'Invalid URL', 'a parameter is missing or blank: check destination, source, message and type', 'rejected', 'request'),
    entry(1703, 'Invalid value in username or password field', 'check the username and password of the HTTP account', 'auth', 'request'),
    entry(1704, 'Invalid value in type field', 'use a message type the account supports (0, 1, 2, 4, 5, 6 or 7)', 'rejected', 'request'),
    entry(1705, 'Invalid message', 'check the message text (Unicode types carry UCS-2 hex)', 'rejected', 'request'),
    entry(1706, 'Invalid destination', 'check the phone number', 'rejected', 'destination'),
    entry(1707, 'Invalid source (Sender)', 'use a sender of at most 11 letters/digits or 18 digits that the account may use', 'rejected', 'request'),
    entry(1708, 'Invalid value for dlr parameter', 'dlr must be 0 or 1', 'rejected', 'request'),
    entry(1709, 'User validation failed', 'the gateway could not validate the user this time; resubmitting is allowed', 'rejected', 'request', true),
    entry(1710, 'Internal error', 'contact the provider; do not resubmit', 'rejected', 'request'),
    entry(1725, 'Insufficient credit', 'top up the account', 'rejected', 'request'),
    entry(1025, 'Insufficient credit', 'top up the account', 'rejected', 'request'),
    entry(1715, 'Response timeout', 'the message may have been sent: check delivery reports before sending it again', 'timeout', 'request'),
    entry(1732, 'DND reject', 'the recipient is on a do-not-disturb register', 'rejected', 'destination'),
    entry(1028, 'Spam message', 'the provider classed the text as spam', 'rejected', 'request'),
    entry(1041, 'Duplicate message', 'the same message was already sent to this recipient', 'rejected', 'destination'),
    entry(1042, 'Explicit DND destination', 'the recipient is on an explicit do-not-disturb list', 'rejected', 'destination'),
    entry(1033, 'Message template mismatch', 'the text must match the registered template (entityid/tempid)', 'rejected', 'request'),
    entry(69, 'Internal error', 'contact the provider; do not resubmit', 'rejected', 'request'),
    entry(8, 'Internal error', 'contact the provider; do not resubmit', 'rejected', 'request'),
    entry(16, 'IP blacklisted', 'ask the provider to remove this IP address from the blacklist', 'auth', 'request'),
    entry(18, 'Non whitelisted user IP', 'ask the provider to whitelist this IP address', 'auth', 'request'),
  ].map((e) => [e.code, e]),
);

/** Codes outside the table (standard SMPP v3.4 codes may come back) are destination-neutral refusals. */
export function describeRoutesmsCode(code: number): RoutesmsErrorEntry {
  return (
    ROUTESMS_ERROR_TABLE.get(code) ??
    entry(code, 'Gateway error (SMPP or undocumented code)', 'see the provider’s error list; do not resubmit', 'rejected', 'request')
  );
}

/**
 * The typed error for a code; `destination` is added to the details when the gateway named one.
 * 1709 is the one code the seed allows resubmitting: the gateway did not take the message, so its
 * outcome is `not-sent`; every other code keeps its class's outcome.
 */
export function routesmsError(code: number, destination?: string, extra: SmsBridgeErrorOptions = {}): GatewayError {
  const described = describeRoutesmsCode(code);
  const message = `Route Mobile answered ${code} (${described.meaning}): ${described.advice}`;
  const details = { ...extra.details, gateway: 'routesms', ...(destination ? { destination } : {}) };
  const options: SmsBridgeErrorOptions = {
    ...extra,
    details,
    vendorCode: code,
    retryable: described.resubmit,
    ...(described.resubmit ? { outcome: 'not-sent' as const } : {}),
  };
  switch (described.kind) {
    case 'auth':
      return new GatewayAuthError(message, options);
    case 'timeout':
      return new GatewayTimeoutError(message, options);
    default:
      return new GatewayRejectedError(message, code, options);
  }
}
