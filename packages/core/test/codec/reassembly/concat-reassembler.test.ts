import fc from 'fast-check';
import type { Clock } from '../../../src/clock/clock';
import { decodePdu } from '../../../src/codec/pdu/decode-pdu';
import { encodeSubmit } from '../../../src/codec/pdu/encode-submit';
import { ConcatReassembler, type AddOutcome } from '../../../src/codec/reassembly/concat-reassembler';
import type { IncompleteMessage, ReassembledMessage } from '../../../src/codec/reassembly/reassembled-message';
import type { DecodedPdu } from '../../../src/codec/types';

/** A clock whose time and timers move only when the test says. */
class FakeClock implements Clock {
  time = 0;
  private nextHandle = 1;
  readonly timers = new Map<number, { at: number; fn: () => void }>();

  now(): number {
    return this.time;
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const handle = this.nextHandle++;
    this.timers.set(handle, { at: this.time + ms, fn });
    return handle;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  advance(ms: number): void {
    this.time += ms;
    for (const [handle, timer] of [...this.timers]) {
      if (timer.at <= this.time) {
        this.timers.delete(handle);
        timer.fn();
      }
    }
  }
}

// node-pdu test data "Concatenated message #3", parts 1–3 of 3, 16-bit reference 0x1234.
const WHATS_UP = [
  '07919730071111F1400B919746121611F10000811170021222230E060804123403015774987E9A03',
  '07919730071111F1400B919746121611F10000811170021232230C06080412340302A03A9C05',
  '07919730071111F1400B919746121611F10000811170021242230D06080412340303A076D8FD03',
].map((hex) => decodePdu(hex));

// node-pdu test data "Concatenated message #4", parts 1–2 of 2, 8-bit reference 0x2E.
const HAKUNA = [
  '07919730071111F1400B919746121611F10000100161916223230D0500032E020190E175DD1D06',
  '07919730071111F1400B919746121611F10000100161916233230E0500032E020240ED303D4C0F03',
].map((hex) => decodePdu(hex));

function complete(outcome: AddOutcome): ReassembledMessage {
  if (outcome.kind !== 'complete') throw new Error(`expected a complete message, got ${outcome.kind}`);
  return outcome.message;
}

/** Parts of one message as a phone would receive them (SUBMITs decoded: the address plays the originator). */
function partsOf(text: string, reference: number, referenceBits: 8 | 16, to = '+15550001'): DecodedPdu[] {
  return encodeSubmit({ to, text, concatReference: reference, referenceBits }).map((p) => decodePdu(p.pdu));
}

describe('ConcatReassembler', () => {
  it('passes a single-part message straight through', () => {
    const reassembler = new ConcatReassembler({ clock: new FakeClock() });
    const pdu = decodePdu('07919730071111F1000B919746121611F10000811170021222230DC8329BFD6681EE6F399B1C02');
    const message = complete(reassembler.add(pdu, 4));
    expect(message).toMatchObject({ text: 'Hello, world!', originator: '+79642161111', concat: null, sourceIds: [4], duplicateSourceIds: [] });
    expect(reassembler.pendingCount).toBe(0);
  });

  it('treats a concat element with total 1 as a single part', () => {
    const reassembler = new ConcatReassembler({ clock: new FakeClock() });
    // python-gsmmodem test_decode #6: concat 00 03 C3 01 01.
    const pdu = decodePdu(
      '0591721891F1400781721881F800003160526104848059050003C30101916536FB1DCABEEB2074D85E064941B19CAB060319A5C522289C96D3D3ED32286C0FA7D96131BBEC024941B19CAB0603DDD36C36A88C87A7E565D0DB0D82C55EB0DB4B068BCD5C20',
    );
    expect(complete(reassembler.add(pdu, 'a')).sourceIds).toEqual(['a']);
  });

  it('joins parts that arrive out of order and lists source ids in sequence order', () => {
    const reassembler = new ConcatReassembler({ clock: new FakeClock() });
    expect(reassembler.add(WHATS_UP[2]!, 13)).toEqual({ kind: 'pending', key: expect.any(String), received: [3], missing: [1, 2] });
    expect(reassembler.add(WHATS_UP[0]!, 11)).toMatchObject({ kind: 'pending', received: [1, 3], missing: [2] });
    const message = complete(reassembler.add(WHATS_UP[1]!, 12));
    expect(message.text).toBe("What's up, man?");
    expect(message.sourceIds).toEqual([11, 12, 13]);
    expect(message.concat).toEqual({ reference: 0x1234, total: 3, referenceBits: 16 });
    expect(message.timestamp).toBe(WHATS_UP[0]!.timestamp);
    expect(message.parts.map((p) => p.concat!.sequence)).toEqual([1, 2, 3]);
    expect(reassembler.pendingCount).toBe(0);
  });

  it('ignores and reports a duplicate part, and carries its source id to the completed message', () => {
    const reassembler = new ConcatReassembler({ clock: new FakeClock() });
    reassembler.add(HAKUNA[0]!, 1);
    expect(reassembler.add(HAKUNA[0]!, 7)).toEqual({ kind: 'duplicate', key: expect.any(String), sequence: 1, sourceId: 7 });
    const message = complete(reassembler.add(HAKUNA[1]!, 2));
    expect(message.text).toBe('Hakuna matata');
    expect(message.sourceIds).toEqual([1, 2]);
    expect(message.duplicateSourceIds).toEqual([7]);
    expect(message.concat!.referenceBits).toBe(8);
  });

  it('keeps 8- and 16-bit references with the same number apart, and different senders apart', () => {
    const reassembler = new ConcatReassembler({ clock: new FakeClock() });
    const text = 'z'.repeat(200);
    const eight = partsOf(text, 5, 8);
    const sixteen = partsOf(text.toUpperCase(), 5, 16);
    const otherSender = partsOf('q'.repeat(200), 5, 8, '+15550002');
    expect(reassembler.add(eight[0]!, 'e1').kind).toBe('pending');
    expect(reassembler.add(sixteen[1]!, 's2').kind).toBe('pending');
    expect(reassembler.add(otherSender[0]!, 'o1').kind).toBe('pending');
    expect(complete(reassembler.add(eight[1]!, 'e2')).text).toBe(text);
    expect(complete(reassembler.add(sixteen[0]!, 's1')).text).toBe(text.toUpperCase());
    expect(complete(reassembler.add(otherSender[1]!, 'o2')).sourceIds).toEqual(['o1', 'o2']);
  });

  it('expire() hands out what arrived of a message once its timeout has passed, with the missing parts', () => {
    const clock = new FakeClock();
    const reassembler = new ConcatReassembler({ clock, timeoutMs: 60_000 });
    reassembler.add(WHATS_UP[0]!, 'sm-1');
    clock.time = 30_000;
    reassembler.add(WHATS_UP[2]!, 'sm-3');
    expect(reassembler.expire(59_999)).toEqual([]);
    const [expired, ...rest] = reassembler.expire();
    expect(rest).toEqual([]);
    expect(expired).toBeUndefined();
    clock.time = 60_000;
    const [incomplete] = reassembler.expire();
    expect(incomplete).toMatchObject({ received: [1, 3], missing: [2], sourceIds: ['sm-1', 'sm-3'], text: "What's man?", firstPartAt: 0 });
    expect(reassembler.pendingCount).toBe(0);
    // A late part starts a new message rather than reviving the expired one.
    expect(reassembler.add(WHATS_UP[1]!, 'sm-2')).toMatchObject({ kind: 'pending', received: [2], missing: [1, 3] });
  });

  it('with onTimeout, arms one timer per message and cancels it on completion', () => {
    const clock = new FakeClock();
    const timedOut: IncompleteMessage[] = [];
    const reassembler = new ConcatReassembler({ clock, timeoutMs: 1000, onTimeout: (m) => timedOut.push(m) });
    reassembler.add(HAKUNA[0]!, 1);
    reassembler.add(WHATS_UP[1]!, 2);
    expect(clock.timers.size).toBe(2);
    complete(reassembler.add(HAKUNA[1]!, 3));
    expect(clock.timers.size).toBe(1);
    clock.advance(999);
    expect(timedOut).toEqual([]);
    clock.advance(1);
    expect(timedOut).toHaveLength(1);
    expect(timedOut[0]).toMatchObject({ received: [2], missing: [1, 3], sourceIds: [2], concat: { reference: 0x1234, total: 3, referenceBits: 16 } });
    expect(reassembler.pendingCount).toBe(0);
  });

  it('flush() hands out everything pending and dispose() cancels timers', () => {
    const clock = new FakeClock();
    const reassembler = new ConcatReassembler({ clock, onTimeout: () => undefined });
    reassembler.add(HAKUNA[1]!, 'x');
    reassembler.dispose();
    expect(clock.timers.size).toBe(0);
    expect(reassembler.flush().map((m) => m.missing)).toEqual([[1]]);
    expect(reassembler.pendingCount).toBe(0);
  });

  it('gives up the oldest waiting message beyond maxPending and reports it', () => {
    const clock = new FakeClock();
    const givenUp: IncompleteMessage[] = [];
    const reassembler = new ConcatReassembler({ clock, maxPending: 2, onTimeout: (m) => givenUp.push(m) });
    const first = partsOf('a'.repeat(200), 1, 8);
    const second = partsOf('b'.repeat(200), 2, 8);
    const third = partsOf('c'.repeat(200), 3, 8);
    expect(reassembler.add(first[0]!, 'a1')).not.toHaveProperty('evicted');
    reassembler.add(second[0]!, 'b1');
    const outcome = reassembler.add(third[1]!, 'c2');
    expect(outcome).toMatchObject({ kind: 'pending', evicted: { sourceIds: ['a1'], missing: [2] } });
    expect(givenUp.map((m) => m.sourceIds)).toEqual([['a1']]);
    expect(reassembler.pendingCount).toBe(2);
    // Its timer went with it.
    expect(clock.timers.size).toBe(2);
    expect(complete(reassembler.add(second[1]!, 'b2')).text).toBe('b'.repeat(200));
  });

  it('reassembles any permutation of any message, duplicates included', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 161, maxLength: 700 }),
        fc.constantFrom(8 as const, 16 as const),
        fc.integer({ min: 0, max: 255 }),
        fc.infiniteStream(fc.nat()),
        (text, referenceBits, reference, randomness) => {
          const parts = partsOf(text, reference, referenceBits);
          const order = parts.map((_, i) => i);
          const pick = randomness[Symbol.iterator]();
          for (let i = order.length - 1; i > 0; i--) {
            const j = pick.next().value % (i + 1);
            [order[i], order[j]] = [order[j]!, order[i]!];
          }
          const reassembler = new ConcatReassembler({ clock: new FakeClock() });
          const duplicated = order[0]!;
          let message: ReassembledMessage | undefined;
          order.forEach((index, step) => {
            const outcome = reassembler.add(parts[index]!, `id${index}`);
            if (step === 0) expect(reassembler.add(parts[duplicated]!, 'dup').kind).toBe('duplicate');
            if (step < order.length - 1) expect(outcome.kind).toBe('pending');
            else message = complete(outcome);
          });
          expect(message!.text).toBe(parts.map((p) => p.text).join(''));
          expect(message!.sourceIds).toEqual(parts.map((_, i) => `id${i}`));
          expect(message!.duplicateSourceIds).toEqual(['dup']);
        },
      ),
      { numRuns: 200 },
    );
  });
});
