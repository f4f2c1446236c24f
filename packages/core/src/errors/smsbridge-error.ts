/**
 * What a failed request to a gateway means for the message it carried, decided where the failure
 * happened (the transport knows the phase, the vendor reader knows its codes):
 * - `not-sent`: nothing reached the gateway (refused connection, throttled, invalid input), so a
 *   send may be repeated where the policy allows;
 * - `maybe-sent`: the gateway may have acted (timeout or reset after the request was written, an
 *   answer that cannot be read): the message is `unknown` and is never repeated;
 * - `refused`: the gateway read the request and said no (auth, vendor error code): `failed`.
 */
export type SendOutcome = 'not-sent' | 'maybe-sent' | 'refused';

/**
 * Base of every error smsbridge throws. `code` is stable and machine-readable, `retryable` tells a
 * caller whether repeating the same operation is safe, the typed fields (`outcome`, `httpStatus`,
 * `retryAfterMs`, `vendorCode`) say what happened, `details` carries the other structured facts
 * (byte offset, command …) and never a secret.
 */
export interface SmsBridgeErrorOptions {
  retryable?: boolean;
  outcome?: SendOutcome;
  httpStatus?: number;
  /** How long the gateway asked to wait before the next request. */
  retryAfterMs?: number;
  vendorCode?: string | number;
  details?: Record<string, unknown>;
  cause?: unknown;
}

export class SmsBridgeError extends Error {
  override name = 'SmsBridgeError';
  readonly code: string;
  readonly retryable: boolean;
  readonly outcome: SendOutcome | undefined;
  readonly httpStatus: number | undefined;
  readonly retryAfterMs: number | undefined;
  readonly vendorCode: string | number | undefined;
  readonly details: Record<string, unknown>;

  constructor(code: string, message: string, options: SmsBridgeErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.retryable = options.retryable ?? false;
    this.outcome = options.outcome;
    this.details = { ...options.details };
    // The typed fields win; a detail of the same name (older readers) fills a gap.
    this.httpStatus = options.httpStatus ?? numberDetail(this.details['httpStatus']);
    this.retryAfterMs = options.retryAfterMs ?? numberDetail(this.details['retryAfterMs']);
    this.vendorCode = options.vendorCode ?? codeDetail(this.details['vendorCode']);
    if (this.httpStatus !== undefined) this.details['httpStatus'] = this.httpStatus;
    if (this.retryAfterMs !== undefined) this.details['retryAfterMs'] = this.retryAfterMs;
    if (this.vendorCode !== undefined) this.details['vendorCode'] = this.vendorCode;
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      retryable: this.retryable,
      ...(this.outcome === undefined ? {} : { outcome: this.outcome }),
      ...(this.httpStatus === undefined ? {} : { httpStatus: this.httpStatus }),
      ...(this.retryAfterMs === undefined ? {} : { retryAfterMs: this.retryAfterMs }),
      ...(this.vendorCode === undefined ? {} : { vendorCode: this.vendorCode }),
      details: this.details,
    };
  }
}

function numberDetail(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function codeDetail(value: unknown): string | number | undefined {
  return typeof value === 'string' || typeof value === 'number' ? value : undefined;
}
