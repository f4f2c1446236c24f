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
 * Where the sent part behind each TP-MR (0–255) is kept. In memory by default; a host gives one that
 * outlives a restart (n8n workflow static data, Node-RED context) so that status reports arriving
 * after it still find their message.
 */
export interface SentPartStore {
  get(reference: number): SentPartReference | undefined;
  set(reference: number, part: SentPartReference): void;
}

/** A SentPartStore in a plain JSON object keyed by reference, e.g. a host's persisted state. */
export function objectSentPartStore(record: Record<string, SentPartReference>): SentPartStore {
  return {
    get: (reference) => (Object.prototype.hasOwnProperty.call(record, reference) ? record[reference] : undefined),
    set: (reference, part) => {
      record[reference] = { ...part };
    },
  };
}

function memorySentPartStore(): SentPartStore {
  const byReference = new Map<number, SentPartReference>();
  return { get: (reference) => byReference.get(reference), set: (reference, part) => byReference.set(reference, part) };
}

/**
 * TP-MR is one octet the modem counts up, so it repeats every 256 parts: the newest part with a
 * reference wins, and a report whose recipient differs from the part's is not matched.
 */
export class MessageReferenceRegistry {
  constructor(private readonly store: SentPartStore = memorySentPartStore()) {}

  remember(reference: number, part: SentPartReference): void {
    this.store.set(reference & 0xff, part);
  }

  /** The part a status report with this TP-MR and recipient belongs to. */
  find(reference: number, recipient: string | undefined): SentPartReference | undefined {
    const part = this.store.get(reference & 0xff);
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
