/** A growable octet buffer for building a PDU; `toHex` is what goes to the modem. */
export class OctetWriter {
  private buffer: Uint8Array;
  length = 0;

  constructor(capacity = 180) {
    this.buffer = new Uint8Array(capacity);
  }

  writeOctet(value: number): void {
    if (this.length === this.buffer.length) this.grow(1);
    this.buffer[this.length++] = value & 0xff;
  }

  writeOctets(values: ArrayLike<number>): void {
    if (this.length + values.length > this.buffer.length) this.grow(values.length);
    for (let i = 0; i < values.length; i++) this.buffer[this.length++] = values[i]! & 0xff;
  }

  toOctets(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }

  private grow(extra: number): void {
    const next = new Uint8Array(Math.max(this.buffer.length * 2, this.length + extra));
    next.set(this.buffer.subarray(0, this.length));
    this.buffer = next;
  }
}
