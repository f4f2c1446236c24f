import { CodecError } from '../../errors/codec-error';

/**
 * A cursor over the octets of a PDU. Every read is bounds-checked so that a truncated PDU becomes
 * SMSB_CODEC_TRUNCATED at the octet where the named field should have been.
 */
export class OctetReader {
  offset: number;

  /**
   * `end` (default: all of them) is where the PDU's octets stop, so a PDU can be read in place
   * from a larger buffer.
   */
  constructor(
    readonly octets: Uint8Array,
    offset = 0,
    readonly end = octets.length,
  ) {
    this.offset = offset;
  }

  get remaining(): number {
    return this.end - this.offset;
  }

  readOctet(field: string): number {
    if (this.offset >= this.end) {
      throw new CodecError('SMSB_CODEC_TRUNCATED', `PDU ends before ${field}`, this.offset);
    }
    return this.octets[this.offset++]!;
  }

  /** Skips the next `count` octets and returns where they start (cheaper than a view on hot paths). */
  take(count: number, field: string): number {
    if (count > this.remaining) {
      throw new CodecError(
        'SMSB_CODEC_TRUNCATED',
        `${field} needs ${count} octets but only ${Math.max(0, this.remaining)} remain`,
        this.offset,
      );
    }
    const start = this.offset;
    this.offset += count;
    return start;
  }

  /** The next `count` octets as a view (no copy). */
  readOctets(count: number, field: string): Uint8Array {
    const start = this.take(count, field);
    return this.octets.subarray(start, start + count);
  }
}
