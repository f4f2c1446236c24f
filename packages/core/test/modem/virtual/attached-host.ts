import type { ModemLink, VirtualModem } from '../../../src/modem/virtual';

/** A host wired straight to a virtual modem: what it types, and everything the modem said since the last `take()`. */
export class AttachedHost {
  private received = '';
  private readonly link: ModemLink;

  constructor(modem: VirtualModem) {
    this.link = modem.attach((chunk) => {
      this.received += chunk.toString('latin1');
    });
  }

  type(text: string): void {
    this.link.write(text);
  }

  /** Types a command line (CR added) and returns what came back synchronously. */
  send(line: string): string {
    this.take();
    this.type(`${line}\r`);
    return this.take();
  }

  take(): string {
    const text = this.received;
    this.received = '';
    return text;
  }

  detach(): void {
    this.link.detach();
  }
}
