/** The message storages of 3GPP TS 27.005 §3.1: SIM, phone memory and status reports. */
export type StorageName = 'SM' | 'ME' | 'SR';

/** `<stat>` of TS 27.005: 0 received unread, 1 received read, 2 stored unsent, 3 stored sent. */
export type MessageStatus = 0 | 1 | 2 | 3;

export interface StoredMessage {
  index: number;
  status: MessageStatus;
  /** Hex PDU with its SMSC part, as `+CMGR` prints it. */
  pdu: string;
  /** TPDU octets (the `<length>` of `+CMGR`/`+CMGL`). */
  tpduLength: number;
}

/** A fixed-size storage whose slots are numbered from 1, like a SIM's. */
export class MessageStorage {
  private readonly slots = new Map<number, StoredMessage>();

  constructor(
    readonly name: StorageName,
    readonly capacity: number,
  ) {}

  get used(): number {
    return this.slots.size;
  }

  /** Stores in the lowest free slot; null when the storage is full. */
  store(pdu: string, status: MessageStatus): StoredMessage | null {
    for (let index = 1; index <= this.capacity; index++) {
      if (!this.slots.has(index)) {
        const message: StoredMessage = { index, status, pdu: pdu.toUpperCase(), tpduLength: tpduLengthOf(pdu) };
        this.slots.set(index, message);
        return message;
      }
    }
    return null;
  }

  has(index: number): boolean {
    return this.slots.has(index);
  }

  get(index: number): StoredMessage | undefined {
    return this.slots.get(index);
  }

  /** Reads a message, turning "received unread" into "received read" as a real SIM does. */
  read(index: number): StoredMessage | undefined {
    const message = this.slots.get(index);
    if (!message) return undefined;
    const seen = { ...message };
    if (message.status === 0) this.slots.set(index, { ...message, status: 1 });
    return seen;
  }

  /** Messages in slot order; `status` 4 = all. `markRead` turns unread ones into read ones. */
  list(status: MessageStatus | 4, markRead: boolean): StoredMessage[] {
    const found = [...this.slots.values()]
      .filter((message) => status === 4 || message.status === status)
      .sort((a, b) => a.index - b.index);
    if (markRead) for (const message of found) if (message.status === 0) this.slots.set(message.index, { ...message, status: 1 });
    return found.map((message) => ({ ...message }));
  }

  setStatus(index: number, status: MessageStatus): void {
    const message = this.slots.get(index);
    if (message) this.slots.set(index, { ...message, status });
  }

  delete(index: number): boolean {
    return this.slots.delete(index);
  }

  /** `AT+CMGD=<index>,<delflag>` with delflag 1–4 of TS 27.005 §3.5.4. */
  deleteByFlag(flag: 1 | 2 | 3 | 4): void {
    const doomed: ReadonlySet<MessageStatus> = new Set<MessageStatus>(
      flag === 1 ? [1] : flag === 2 ? [1, 3] : flag === 3 ? [1, 2, 3] : [0, 1, 2, 3],
    );
    for (const [index, message] of this.slots) if (doomed.has(message.status)) this.slots.delete(index);
  }

  indexes(): number[] {
    return [...this.slots.keys()].sort((a, b) => a - b);
  }
}

/** TPDU octets of a hex PDU that starts with its SMSC part. */
export function tpduLengthOf(pduWithSmsc: string): number {
  const smscOctets = parseInt(pduWithSmsc.slice(0, 2), 16);
  return pduWithSmsc.length / 2 - 1 - (Number.isNaN(smscOctets) ? 0 : smscOctets);
}
