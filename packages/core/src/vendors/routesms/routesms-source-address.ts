import { InvalidRequestError } from '../../errors';

/** Seed 001: at most 18 characters when numeric (a leading `+` allowed), at most 11 when alphanumeric. */
export const ROUTESMS_NUMERIC_SOURCE_MAX = 18;
export const ROUTESMS_ALPHANUMERIC_SOURCE_MAX = 11;

/** Checks a sender id before it is sent; the SMSC may still refuse it (1707). Returns it trimmed. */
export function validateRoutesmsSource(source: string): string {
  const trimmed = source.trim();
  if (trimmed === '') {
    throw new InvalidRequestError('Route Mobile needs a sender (source): set one of the sender ids of the account', {
      details: { gateway: 'routesms' },
    });
  }
  if (/^\+?\d+$/.test(trimmed)) {
    const digits = trimmed.replace(/^\+/, '');
    if (digits.length > ROUTESMS_NUMERIC_SOURCE_MAX) {
      throw new InvalidRequestError(
        `Route Mobile numeric sender ${trimmed} has ${digits.length} digits: use at most ${ROUTESMS_NUMERIC_SOURCE_MAX}`,
        { details: { gateway: 'routesms', source: trimmed } },
      );
    }
    return trimmed;
  }
  if (trimmed.length > ROUTESMS_ALPHANUMERIC_SOURCE_MAX) {
    throw new InvalidRequestError(
      `Route Mobile alphanumeric sender "${trimmed}" has ${trimmed.length} characters: use at most ${ROUTESMS_ALPHANUMERIC_SOURCE_MAX}`,
      { details: { gateway: 'routesms', source: trimmed } },
    );
  }
  if (!/^[\x20-\x7e]+$/.test(trimmed)) {
    throw new InvalidRequestError(`Route Mobile sender "${trimmed}" must use plain ASCII letters, digits and punctuation`, {
      details: { gateway: 'routesms', source: trimmed },
    });
  }
  return trimmed;
}
