import { MockBinding } from '@serialport/binding-mock';
import { ModemUnavailableError } from '../../src/modem/modem-errors';
import { SerialPortTransport } from '../../src/modem/serial/serialport-transport';
import { ManualClock } from '../../src/testing/manual-clock';

const flush = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

describe('SerialPortTransport on @serialport/binding-mock', () => {
  afterEach(() => MockBinding.reset());

  it('opens, writes, receives and closes', async () => {
    MockBinding.createPort('/dev/ttyMOCK0', { echo: true, record: true });
    const transport = new SerialPortTransport({ path: '/dev/ttyMOCK0', binding: MockBinding });
    const received: Buffer[] = [];
    const closed: (Error | undefined)[] = [];
    transport.on('data', (chunk) => received.push(chunk));
    transport.on('close', (error) => closed.push(error));
    await transport.open();
    expect(transport.isOpen).toBe(true);
    await transport.write('AT\r');
    for (let i = 0; i < 100 && Buffer.concat(received).toString() !== 'AT\r'; i++) await new Promise((r) => setTimeout(r, 2));
    expect(Buffer.concat(received).toString()).toBe('AT\r'); // the mock echoes
    await transport.close();
    expect(transport.isOpen).toBe(false);
    expect(closed).toHaveLength(1);
  });

  it('fails to open a missing port with a retryable ModemUnavailableError', async () => {
    const transport = new SerialPortTransport({ path: '/dev/ttyNOPE', binding: MockBinding });
    await expect(transport.open()).rejects.toMatchObject({ code: 'SMSB_MODEM_UNAVAILABLE', retryable: true });
  });

  it('refuses writes on a closed port', async () => {
    const transport = new SerialPortTransport({ path: '/dev/ttyMOCK1', binding: MockBinding });
    await expect(transport.write('AT\r')).rejects.toMatchObject({ code: 'SMSB_MODEM_UNAVAILABLE' });
  });

  it('notices a vanished device path on the injected clock and reports close with a ModemUnavailableError', async () => {
    MockBinding.createPort('/dev/ttyMOCK2');
    const clock = new ManualClock(0);
    let present = true;
    const checked: string[] = [];
    const pathExists = async (path: string) => {
      checked.push(path);
      return present;
    };
    const transport = new SerialPortTransport({ path: '/dev/ttyMOCK2', binding: MockBinding, clock, hangupCheckMs: 1000, pathExists });
    const closed: (Error | undefined)[] = [];
    transport.on('close', (error) => closed.push(error));
    await transport.open();
    clock.advance(999);
    await flush();
    expect(checked).toHaveLength(0);
    clock.advance(1);
    await flush();
    expect(checked).toEqual(['/dev/ttyMOCK2']);
    expect(transport.isOpen).toBe(true);
    present = false;
    clock.advance(1000);
    await flush();
    expect(transport.isOpen).toBe(false);
    expect(closed).toHaveLength(1);
    expect(closed[0]).toBeInstanceOf(ModemUnavailableError);
    expect(closed[0]).toMatchObject({ code: 'SMSB_MODEM_UNAVAILABLE', retryable: true, details: { path: '/dev/ttyMOCK2' } });
    await new Promise((r) => setTimeout(r, 10)); // the port's own close must not be reported again
    expect(closed).toHaveLength(1);
    expect(clock.pendingTimers).toBe(0);
  });

  it('checks one at a time, stops on close, and never checks when hangupCheckMs is 0', async () => {
    MockBinding.createPort('/dev/ttyMOCK3');
    const clock = new ManualClock(0);
    let calls = 0;
    let answer: (exists: boolean) => void = () => undefined;
    const pathExists = () => {
      calls++;
      return new Promise<boolean>((resolve) => (answer = resolve));
    };
    const transport = new SerialPortTransport({ path: '/dev/ttyMOCK3', binding: MockBinding, clock, hangupCheckMs: 100, pathExists });
    await transport.open();
    clock.advance(1000);
    await flush();
    expect(calls).toBe(1); // the slow check is still running; no second one piles up
    answer(true);
    await flush();
    clock.advance(100);
    await flush();
    expect(calls).toBe(2);
    answer(true);
    await flush();
    await transport.close();
    expect(clock.pendingTimers).toBe(0);

    const off = new SerialPortTransport({ path: '/dev/ttyMOCK3', binding: MockBinding, clock, hangupCheckMs: 0, pathExists });
    await off.open();
    clock.advance(10_000);
    await flush();
    expect(calls).toBe(2);
    expect(clock.pendingTimers).toBe(0);
    await off.close();
  });
});
