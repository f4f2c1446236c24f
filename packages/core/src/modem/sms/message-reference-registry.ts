/** What a TP-MR from `+CMGS: <mr>` stands for, so a later status report finds its message. */
export interface SentPartReference {
  messageId: string;
  to: string;
  /** 1-based part number and count. */
  part: number;
  parts: number;
  sentAt: number;
}

/**
 * TP-MR is one octet the modem counts up, so it repeats every 256 parts: the newest part with a
 * reference wins, and a report whose recipient differs from the part's is not matched.
 */
export class MessageReferenceRegistry {
  private readonly byReference = new Map<number, SentPartReference>();

  remember(reference: number, part: SentPartReference): void {
    this.byReference.set(reference & 0xff, part);
  }

  /** The part a status report with this TP-MR and recipient belongs to. */
  find(reference: number, recipient: string | undefined): SentPartReference | undefined {
    const part = this.byReference.get(reference & 0xff);
    if (!part) return undefined;
    if (recipient !== undefined && !sameNumber(recipient, part.to)) return undefined;
    return part;
  }
}

/** Compares the trailing digits, as networks report numbers in national or international form. */
function sameNumber(a: string, b: string): boolean {
  const da = a.replace(/\D/g, '');
  const db = b.replace(/\D/g, '');
  if (da === '' || db === '') return a === b;
  const tail = Math.min(da.length, db.length, 9);
  return da.slice(-tail) === db.slice(-tail);
}
