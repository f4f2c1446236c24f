import { InvalidRequestError } from '../errors/gateway-errors';
import { PHONE_NUMBER_SEPARATORS } from '../vendors/shared/phone-number';

/**
 * A recipient allow-list: entries separated by commas or new lines, each either a number pattern
 * where `*` stands for any digits (`+44770090*`, `+15550100`) or a regular expression between
 * slashes (`/^\+4477009\d{5}$/`). Numbers are compared without spaces, dashes or brackets.
 */
export class RecipientAllowList {
  private readonly patterns: RegExp[];

  constructor(readonly source: string) {
    this.patterns = source
      .split(/[,\n]/)
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '')
      .map(toPattern);
  }

  /** True when no entry was given (everything is allowed). */
  get empty(): boolean {
    return this.patterns.length === 0;
  }

  allows(recipient: string): boolean {
    if (this.empty) return true;
    const compact = recipient.trim().replace(PHONE_NUMBER_SEPARATORS, '');
    return this.patterns.some((pattern) => pattern.test(compact));
  }

  /** Refuses the whole send, naming the numbers outside the list, before anything is sent. */
  check(recipients: readonly string[]): void {
    const refused = recipients.filter((recipient) => !this.allows(recipient));
    if (refused.length === 0) return;
    const named = refused.slice(0, 5).map((recipient) => `"${recipient}"`).join(', ');
    const more = refused.length > 5 ? ` and ${refused.length - 5} more` : '';
    throw new InvalidRequestError(`${named}${more} ${refused.length === 1 ? 'is' : 'are'} not on the recipient allow-list (${this.source.trim()}); nothing was sent.`, {
      details: { refused: refused.length },
    });
  }
}

function toPattern(entry: string): RegExp {
  const regex = /^\/(.+)\/([a-z]*)$/.exec(entry);
  if (regex) {
    try {
      return new RegExp(regex[1]!, regex[2]);
    } catch (cause) {
      throw new InvalidRequestError(`The allow-list entry ${entry} is not a valid regular expression: ${(cause as Error).message}.`, { cause });
    }
  }
  const compact = entry.replace(PHONE_NUMBER_SEPARATORS, '');
  if (!/^\+?[\d*]+$/.test(compact)) {
    throw new InvalidRequestError(`The allow-list entry "${entry}" is neither a number pattern (digits, + and *) nor a /regular expression/.`);
  }
  const escaped = compact.replace(/\+/g, '\\+').replace(/\*/g, '\\d*');
  return new RegExp(`^${escaped}$`);
}

/** `new RecipientAllowList(allowList).check(recipients)`: throws unless every recipient is on the list (an empty list allows all). */
export function checkAllowedRecipients(recipients: readonly string[], allowList: string): void {
  new RecipientAllowList(allowList).check(recipients);
}
