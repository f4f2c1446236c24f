import { SerialPortStream } from '@serialport/stream';
import { createVirtualModemBinding, VirtualModem } from '../../../src/modem/virtual';

/** Reads from the stream until the text ends with a final result (bounded). */
function answer(port: SerialPortStream, timeoutMs = 2000): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const onData = (chunk: Buffer) => {
      text += chunk.toString('latin1');
      if (/\r\n(OK|ERROR)\r\n$/.test(text)) finish(() => resolve(text));
    };
    const timer = setTimeout(() => finish(() => reject(new Error(`no final result within ${timeoutMs} ms: ${JSON.stringify(text)}`))), timeoutMs);
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      port.off('data', onData);
      settle();
    };
    port.on('data', onData);
  });
}

function open(port: SerialPortStream): Promise<void> {
  return new Promise((resolve, reject) => port.open((err) => (err ? reject(err) : resolve())));
}

describe('virtual modem as a serialport binding (SerialPortStream in-process)', () => {
  let modem: VirtualModem;
  beforeEach(() => {
    modem = new VirtualModem({ profile: 'quectel' });
  });
  afterEach(() => modem.close());

  it('lists the modem and exchanges AT commands through the real stream layer', async () => {
    const binding = createVirtualModemBinding({ '/dev/ttyVIRT0': modem });
    expect(await binding.list()).toEqual([expect.objectContaining({ path: '/dev/ttyVIRT0', manufacturer: 'Quectel', serialNumber: '867962041234561' })]);
    const port = new SerialPortStream({ binding, path: '/dev/ttyVIRT0', baudRate: 115200, autoOpen: false });
    await open(port);
    const reply = answer(port);
    port.write('ATE0;+CGMM\r');
    expect(await reply).toBe('ATE0;+CGMM\r\r\nEC25\r\n\r\nOK\r\n');
    await new Promise<void>((resolve) => port.close(() => resolve()));
    expect(port.isOpen).toBe(false);
  });

  it('closes the stream as disconnected when the modem vanishes', async () => {
    const binding = createVirtualModemBinding({ '/dev/ttyVIRT0': modem });
    const port = new SerialPortStream({ binding, path: '/dev/ttyVIRT0', baudRate: 115200, autoOpen: false });
    await open(port);
    port.on('data', () => undefined);
    const closed = new Promise<unknown>((resolve) => port.once('close', (error: unknown) => resolve(error)));
    modem.vanish();
    expect(await closed).toMatchObject({ disconnected: true });
    expect(await binding.list()).toEqual([]);
    await expect(binding.open({ path: '/dev/ttyVIRT0', baudRate: 115200 })).rejects.toMatchObject({ code: 'SMSB_VMODEM_VANISHED' });
  });

  it('refuses a path without a modem', async () => {
    const binding = createVirtualModemBinding({});
    await expect(binding.open({ path: '/dev/nothing', baudRate: 9600 })).rejects.toMatchObject({ code: 'SMSB_VMODEM_NOT_OPEN' });
  });
});
