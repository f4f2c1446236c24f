/** A user that subscribes while the port is still opening (another user's first call in flight) still hears indicated SMS. */
import { ModemHub } from '../../../src/modem/gateway/modem-hub';
import { createVendorRegistry } from '../../../src/vendors/registry';
import { startVirtualModemOnPty, type PtyVirtualModem } from '../../../src/modem/virtual/pty-virtual-modem';
import { waitUntil } from '../helpers/wait-until';

let pty: PtyVirtualModem | undefined;
let hub: ModemHub | undefined;
afterEach(async () => {
  await hub?.close();
  await pty?.close();
});

it('delivers to a subscription made while the port was opening', async () => {
  pty = await startVirtualModemOnPty({ pin: '2468' });
  hub = new ModemHub();
  const client = createVendorRegistry().open('modem', { port: pty.path, baudRate: 115200, pin: '2468' }, { modemHub: hub });
  const received: string[] = [];
  const opening = client.verify();
  client.subscribe!({ inbound: (message) => void received.push(message.text) });
  await opening;
  pty.modem.injectSms({ from: '+447700900841', text: 'heard after all' });
  await waitUntil(() => received.length === 1, 'the indicated SMS', 1_000);
  expect(received).toEqual(['heard after all']);
  // The SIM delete follows the handler's resolution.
  await waitUntil(() => pty!.modem.storage('SM').indexes().length === 0, 'the SIM delete', 1_000);
  await client.close();
});
