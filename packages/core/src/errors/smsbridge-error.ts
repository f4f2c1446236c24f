/**
 * Base of every error smsbridge throws. `code` is stable and machine-readable, `retryable` tells a
 * caller whether repeating the same operation is safe, `details` carries structured facts
 * (HTTP status, vendor code, byte offset …) and never a secret.
 */
export interface SmsBridgeErrorOptions {
  retryable?: boolean;
  details?: Record<string, unknown>;
  cause?: unknown;
}

export class SmsBridgeError extends Error {
  override name = 'SmsBridgeError';
  readonly code: string;
  readonly retryable: boolean;
  readonly details: Record<string, unknown>;

  constructor(code: string, message: string, options: SmsBridgeErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.retryable = options.retryable ?? false;
    this.details = options.details ?? {};
  }

  toJSON(): Record<string, unknown> {
    return { name: this.name, code: this.code, message: this.message, retryable: this.retryable, details: this.details };
  }
}
