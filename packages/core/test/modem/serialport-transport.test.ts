import { MockBinding } from '@serialport/binding-mock';
import { SerialPortTransport } from '../../src/modem/serial/serialport-transport';

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
});
