import { SmsBridgeError } from '@smsbridge/core';

/**
 * The error a node hands to `done(err)`: its message, and the typed facts a Catch node can act on
 * as own properties (Node-RED copies `code` to `msg.error.code`), without the cause chain, which
 * may hold transport details a flow has no use for.
 */
export class SmsNodeError extends Error {
  override name = 'SmsNodeError';
  readonly code: string;
  readonly outcome?: string;
  readonly httpStatus?: number;
  readonly vendorCode?: string | number;
  readonly retryAfterMs?: number;
  readonly retryable: boolean;

  constructor(error: unknown) {
    const known = error instanceof SmsBridgeError ? error : undefined;
    super(known ? known.message : error instanceof Error ? error.message : String(error));
    this.code = known?.code ?? 'SMSB_NODE_ERROR';
    this.retryable = known?.retryable ?? false;
    if (known?.outcome !== undefined) this.outcome = known.outcome;
    if (known?.httpStatus !== undefined) this.httpStatus = known.httpStatus;
    if (known?.vendorCode !== undefined) this.vendorCode = known.vendorCode;
    if (known?.retryAfterMs !== undefined) this.retryAfterMs = known.retryAfterMs;
  }

  /** What goes on `msg.error` besides Node-RED's own fields. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, code: this.code, retryable: this.retryable, outcome: this.outcome, httpStatus: this.httpStatus, vendorCode: this.vendorCode, retryAfterMs: this.retryAfterMs };
  }
}
