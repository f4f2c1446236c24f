import { GatewayRejectedError } from '../../errors';

/** `error_code` values in the body of an HTTP 200 answer. */
export const DINSTAR_ERROR_CODES = {
  ok: 200,
  accepted: 202,
  invalid: 400,
  notFound: 404,
  tooLarge: 413,
  otherError: 500,
  noAvailablePort: 550,
} as const;

const ADVICE: Record<number, string> = {
  400: 'the request format is not valid: check the numbers, ports and parameters',
  404: 'not found (an unknown or finished task id)',
  413: 'too many numbers or too much text in one request (limits: 128 numbers, about 1500 bytes of text, 32 numbers per query)',
  500: 'the gateway reported an internal error; check its state and logs before repeating',
  550: 'no port is available to send: check the SIMs and their registration, or wait until a port is free',
};

/** The error for a body whose `error_code` is not a success. 550 is retryable: nothing was sent and a port may free up. */
export function dinstarErrorForCode(errorCode: number | undefined, operation: string, sn?: string): GatewayRejectedError {
  const advice = errorCode === undefined ? 'the answer carried no error_code' : (ADVICE[errorCode] ?? `unknown error_code ${errorCode}`);
  return new GatewayRejectedError(`dinstar ${operation} failed with error_code ${errorCode ?? 'missing'}: ${advice}.`, errorCode, {
    retryable: errorCode === DINSTAR_ERROR_CODES.noAvailablePort,
    details: { gateway: 'dinstar', operation, ...(sn ? { sn } : {}) },
  });
}
