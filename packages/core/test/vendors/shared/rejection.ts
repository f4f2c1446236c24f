import { SmsBridgeError } from '../../../src/errors';

/**
 * The SmsBridgeError an operation rejects with, added to `seen` when given (for
 * expectNoSecretIn); fails the test when it resolves or rejects with anything else.
 */
export async function rejectionOf(operation: Promise<unknown> | (() => Promise<unknown>), seen?: unknown[]): Promise<SmsBridgeError> {
  try {
    await (typeof operation === 'function' ? operation() : operation);
  } catch (error) {
    if (!(error instanceof SmsBridgeError)) throw error;
    seen?.push(error);
    return error;
  }
  throw new Error('expected the operation to fail');
}

/** No secret shows anywhere in these errors: message, JSON, details, stack or cause. */
export function expectNoSecretIn(errors: readonly unknown[], secrets: readonly string[]): void {
  for (const error of errors) {
    const e = error as SmsBridgeError;
    for (const text of [e.message, JSON.stringify(e), JSON.stringify(e.details), String(e.stack), JSON.stringify(e.cause ?? null)].map(String)) {
      for (const secret of secrets) expect(text).not.toContain(secret);
    }
  }
}
