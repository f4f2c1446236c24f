import { InvalidRequestError } from '../../errors';

/**
 * Jasmin's delivery-report levels: 1 = the SMSC accepted or refused the message (submit_sm_resp),
 * 2 = the handset's receipt (deliver_sm), 3 = both.
 */
export type JasminDlrLevel = 1 | 2 | 3;

export interface JasminDlrOptions {
  /** Where Jasmin pushes the reports. */
  url: string;
  /** Default 1, as on the server. */
  level?: JasminDlrLevel;
  /** Default POST (form-encoded), as on the server. */
  method?: 'GET' | 'POST';
}

/** The message fields asking for delivery reports, spelled as in the seed's examples. */
export function jasminDlrFields(options: JasminDlrOptions): Record<string, string | number> {
  const level = options.level ?? 1;
  if (![1, 2, 3].includes(level)) {
    throw new InvalidRequestError(`Jasmin dlr-level ${String(level)} does not exist: use 1 (SMSC), 2 (handset) or 3 (both)`, {
      details: { gateway: 'jasmin', level },
    });
  }
  let url: URL;
  try {
    url = new URL(options.url);
  } catch (cause) {
    throw new InvalidRequestError('The delivery report URL is not a valid http(s) URL', { details: { gateway: 'jasmin' }, cause });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidRequestError('The delivery report URL must start with http:// or https://', { details: { gateway: 'jasmin' } });
  }
  return { dlr: 'yes', 'dlr-url': options.url, 'dlr-level': level, 'dlr-method': options.method ?? 'POST' };
}
