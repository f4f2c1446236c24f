import { SerialPort } from 'serialport';
import { existsSync } from 'node:fs';
import { startVirtualModemOnPty, VirtualModem, type PtyVirtualModem } from '../../../src/modem/virtual';

/** Reads from a real SerialPort until `done(text)` says the answer is complete (bounded by a timeout). */
function collectUntil(port: SerialPort, done: (text: string) => boolean, timeoutMs = 5000): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const onData = (chunk: Buffer) => {
      text += chunk.toString('latin1');
      if (done(text)) finish(() => resolve(text));
    };
    const timer = setTimeout(() => finish(() => reject(new Error(`no complete answer within ${timeoutMs} ms; got ${JSON.stringify(text)}`))), timeoutMs);
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      port.off('data', onData);
      settle();
    };
    port.on('data', onData);
  });
}

function openPort(path: string): Promise<SerialPort> {
  return new Promise((resolve, reject) => {
    const port = new SerialPort({ path, baudRate: 115200, autoOpen: false });
    port.open((err) => (err ? reject(err) : resolve(port)));
  });
}

function closePort(port: SerialPort): Promise<void> {
  return new Promise((resolve) => (port.isOpen ? port.close(() => resolve()) : resolve()));
}

const finalResult = (text: string) => /\r\n(OK|ERROR|\+CM[ES] ERROR: [^\r]*)\r\n$/.test(text);

describe('virtual modem on a pseudo-terminal, opened with the real serialport package', () => {
  let pty: PtyVirtualModem | undefined;
  let port: SerialPort | undefined;
  afterEach(async () => {
    if (port) await closePort(port);
    port = undefined;
    await pty?.close();
    pty = undefined;
  });

  it('exchanges AT commands over the pty', async () => {
    pty = await startVirtualModemOnPty({ profile: 'quectel' });
    expect(existsSync(pty.path)).toBe(true);
    port = await openPort(pty.path);
    let answer = collectUntil(port, finalResult);
    port.write('AT\r');
    expect(await answer).toBe('AT\r\r\nOK\r\n');
    answer = collectUntil(port, finalResult);
    port.write('ATE0;+CGMI;+CGMM;+QCCID\r');
    expect(await answer).toBe('ATE0;+CGMI;+CGMM;+QCCID\r\r\nQuectel\r\n\r\nEC25\r\n\r\n+QCCID: 89490200001234567890\r\n\r\nOK\r\n');
  });

  it('survives a host closing and reopening the port, and removes the device on close', async () => {
    pty = await startVirtualModemOnPty();
    port = await openPort(pty.path);
    await closePort(port);
    port = await openPort(pty.path);
    const answer = collectUntil(port, finalResult);
    port.write('AT+CGSN\r');
    expect(await answer).toContain('866782042581732');
    await closePort(port);
    port = undefined;
    const path = pty.path;
    await pty.close();
    pty = undefined;
    expect(existsSync(path)).toBe(false);
  });

  it('vanishes (the port closes, the device is gone) and comes back under a new name', async () => {
    pty = await startVirtualModemOnPty();
    port = await openPort(pty.path);
    const oldPath = pty.path;
    const closed = new Promise<unknown>((resolve) => port!.once('close', (reason: unknown) => resolve(reason)));
    port.on('error', () => undefined);
    await pty.vanish();
    expect(existsSync(oldPath)).toBe(false);
    // serialport's poller does not see a pty hang up by itself; the next write fails with EIO and the port closes.
    const writeError = await new Promise<Error | null | undefined>((resolve) => port!.write('AT\r', (err) => resolve(err)));
    expect(writeError).toMatchObject({ code: 'EIO' });
    await closed;
    expect(port.isOpen).toBe(false);
    port = undefined;
    const newPath = await pty.reappear('ttyUSB1');
    expect(newPath).not.toBe(oldPath);
    port = await openPort(newPath);
    const answer = collectUntil(port, finalResult);
    port.write('AT\r');
    expect(await answer).toContain('OK');
  });

  it('exposes a modem the caller owns and leaves it running after close', async () => {
    const modem = new VirtualModem({ profile: 'huawei' });
    try {
      pty = await startVirtualModemOnPty({ modem, linkName: 'ttyUSB7' });
      expect(pty.path).toMatch(/ttyUSB7$/);
      port = await openPort(pty.path);
      const answer = collectUntil(port, finalResult);
      port.write('AT^ICCID?\r');
      expect(await answer).toContain('^ICCID: 98331021436587092143');
      await closePort(port);
      port = undefined;
      await pty.close();
      pty = undefined;
      modem.injectSms({ from: '+447700900555', text: 'still alive' });
      expect(modem.deliveries).toHaveLength(1);
    } finally {
      modem.close();
    }
  });

  it('fails with SMSB_VMODEM_PTY_FAILED when socat cannot run or cannot create the device', async () => {
    await expect(startVirtualModemOnPty({ socatPath: '/nonexistent/socat' })).rejects.toMatchObject({ code: 'SMSB_VMODEM_PTY_FAILED' });
    await expect(startVirtualModemOnPty({ directory: '/nonexistent/dir' })).rejects.toMatchObject({ code: 'SMSB_VMODEM_PTY_FAILED' });
  });
});
