/**
 * The modem gateway over the REAL `serialport` package on a socat pseudo-terminal: the path a USB
 * modem's /dev/ttyUSBn takes, from the registry down to the bytes.
 */
import { ModemHub } from '../../../src/modem/gateway/modem-hub';
import { modemVendor } from '../../../src/modem/gateway/modem-vendor';
import { startVirtualModemOnPty, type PtyVirtualModem } from '../../../src/modem/virtual/pty-virtual-modem';
import { VendorRegistry } from '../../../src/vendors/registry';

describe('modem gateway over serialport on a pty', () => {
  let pty: PtyVirtualModem | undefined;
  let hub: ModemHub | undefined;
  afterEach(async () => {
    await hub?.close();
    hub = undefined;
    await pty?.close();
    pty = undefined;
  });

  it('verifies, sends, lists and acknowledges through the registry, with the PIN entered', async () => {
    pty = await startVirtualModemOnPty({ profile: 'quectel', pin: '4321', ussdMenu: { '*100#': 'Balance 1.00' }, ussd: { replyDelayMs: 5 } });
    hub = new ModemHub({ driver: { reconnect: false } });
    const client = new VendorRegistry([modemVendor]).open('modem', { port: pty.path, baudRate: '115200', pin: '4321' }, { modemHub: hub });
    await expect(client.verify()).resolves.toMatchObject({ status: 'verified' });
    await expect(client.send({ to: ['+447700900123'], text: 'over a real serial port' })).resolves.toMatchObject([{ state: 'sent', accepted: true }]);
    expect(pty.modem.submitted).toHaveLength(1);

    pty.modem.injectSms({ from: '+447700900555', text: 'stored over the pty' });
    const page = await client.inbox!();
    expect(page.messages.map((message) => message.text)).toEqual(['stored over the pty']);
    await client.acknowledge!(page.messages);
    expect(pty.modem.storage('SM').indexes()).toHaveLength(0);
    await expect(client.ussd!({ code: '*100#' })).resolves.toMatchObject({ reply: 'Balance 1.00' });
    await client.close();
    expect(hub.ports).toEqual([]);
  });
});
