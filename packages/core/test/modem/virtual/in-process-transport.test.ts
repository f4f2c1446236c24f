import { VirtualModem, VirtualModemTransport } from '../../../src/modem/virtual';
import type { SerialTransport } from '../../../src/transport/serial-transport';

/** Collects transport data until the text ends with a final result (bounded). */
function answer(transport: SerialTransport, timeoutMs = 2000): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const onData = (chunk: Buffer) => {
      text += chunk.toString('latin1');
      if (/\r\n(OK|ERROR)\r\n$/.test(text)) {
        clearTimeout(timer);
        transport.off('data', onData);
        resolve(text);
      }
    };
    const timer = setTimeout(() => {
      transport.off('data', onData);
      reject(new Error(`no final result within ${timeoutMs} ms: ${JSON.stringify(text)}`));
    }, timeoutMs);
    transport.on('data', onData);
  });
}

describe('virtual modem: in-process SerialTransport', () => {
  let modem: VirtualModem;
  beforeEach(() => {
    modem = new VirtualModem({ profile: 'quectel' });
  });
  afterEach(() => modem.close());

  it('opens, exchanges bytes asynchronously and closes', async () => {
    const transport: SerialTransport = modem.transport();
    expect(transport.isOpen).toBe(false);
    await transport.open();
    expect(transport.isOpen).toBe(true);
    let synchronous = '';
    const early = (chunk: Buffer) => {
      synchronous += chunk.toString('latin1');
    };
    transport.on('data', early);
    const reply = answer(transport);
    const writing = transport.write('AT+CGMM\r');
    // Nothing arrives inside write(): data comes on a later microtask, as from a real port.
    expect(synchronous).toBe('');
    await writing;
    expect(await reply).toBe('AT+CGMM\r\r\nEC25\r\n\r\nOK\r\n');
    transport.off('data', early);
    const closed = new Promise<Error | undefined>((resolve) => transport.on('close', (error?: Error) => resolve(error)));
    await transport.close();
    expect(await closed).toBeUndefined();
    expect(transport.isOpen).toBe(false);
    await expect(transport.write('AT\r')).rejects.toMatchObject({ code: 'SMSB_VMODEM_NOT_OPEN' });
  });

  it('accepts Uint8Array writes split at arbitrary places', async () => {
    const transport = modem.transport();
    await transport.open();
    const reply = answer(transport);
    await transport.write(Uint8Array.from(Buffer.from('AT+CG')));
    await transport.write(Uint8Array.from(Buffer.from('SN\r')));
    expect(await reply).toBe('AT+CGSN\r\r\n867962041234561\r\n\r\nOK\r\n');
    await transport.close();
  });

  it('emits close with an error when the modem vanishes, and reopens after it reappears', async () => {
    const transport = modem.transport();
    await transport.open();
    const closed = new Promise<Error | undefined>((resolve) => transport.on('close', (error?: Error) => resolve(error)));
    modem.vanish();
    expect(await closed).toMatchObject({ code: 'SMSB_VMODEM_VANISHED' });
    expect(transport.isOpen).toBe(false);
    await expect(transport.open()).rejects.toMatchObject({ code: 'SMSB_VMODEM_VANISHED' });
    modem.reappear();
    await transport.open();
    const reply = answer(transport);
    await transport.write('AT\r');
    expect(await reply).toContain('OK');
    await transport.close();
  });

  it('prints the boot URCs on open when asked to', async () => {
    modem.close();
    jest.useFakeTimers();
    try {
      modem = new VirtualModem({ profile: 'quectel', bootUrcsOnOpen: true });
      const transport = new VirtualModemTransport(modem);
      let text = '';
      transport.on('data', (chunk: Buffer) => {
        text += chunk.toString('latin1');
      });
      await transport.open();
      jest.advanceTimersByTime(0);
      await Promise.resolve();
      expect(text).toBe('\r\nRDY\r\n\r\n+CFUN: 1\r\n\r\n+CPIN: READY\r\n\r\n+QUSIM: 1\r\n\r\n+QIND: SMS DONE\r\n\r\n+QIND: PB DONE\r\n');
      await transport.close();
    } finally {
      jest.useRealTimers();
    }
  });
});
