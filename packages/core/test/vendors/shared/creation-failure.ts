import type { SmsBridgeError } from '../../../src/errors';

/** The error `createClient` throws for a bad vendor option; fails the test when it throws none. */
export function failureOf(run: () => unknown): SmsBridgeError {
  try {
    run();
  } catch (error) {
    return error as SmsBridgeError;
  }
  throw new Error('expected createClient to throw');
}
