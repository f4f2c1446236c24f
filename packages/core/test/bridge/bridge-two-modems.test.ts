/** One bridge, two modems on two pseudo-terminals: a send goes out on the modem it names, inbound SMS of both are journaled with their modem. */
import { startVirtualModemOnPty, type PtyVirtualModem } from '../../src/modem/virtual/pty-virtual-modem';
import { BridgeFixture, PIN, waitFor } from './bridge-fixture';

jest.setTimeout(60_000);

describe('modem bridge with two modems', () => {
  const fixture = new BridgeFixture();
  let second: PtyVirtualModem;

  beforeAll(async () => {
    await fixture.start();
    second = await startVirtualModemOnPty({ profile: 'simcom', pin: PIN, network: { deliveryDelayMs: 20 } });
    await fixture.startBridge({
      modems: [
        { port: fixture.pty.path, baudRate: 115_200, pin: PIN },
        { port: second.path, baudRate: 115_200, pin: PIN },
      ],
    });
  });

  afterAll(async () => {
    await fixture.stop();
    await second.close();
  });

  it('sends on the modem a send names (number or --port value), else on the first', async () => {
    const client = fixture.client();
    const [onSecond] = await client.send({ to: ['+447700900123'], text: 'from modem 2', vendorOptions: { modem: '2' } });
    expect(onSecond!.messageId).toMatch(/^2\./);
    await client.send({ to: ['+447700900123'], text: 'from the first', vendorOptions: { modem: fixture.pty.path } });
    await fixture.client({ defaultModem: '2' }).send({ to: ['+447700900123'], text: 'default modem 2' });
    expect(fixture.pty.modem.submitted).toHaveLength(1);
    expect(second.modem.submitted).toHaveLength(2);
    await expect(client.send({ to: ['+447700900123'], text: 'nowhere', vendorOptions: { modem: '3' } })).rejects.toMatchObject({ code: 'SMSB_INVALID_REQUEST' });
  });

  it('journals inbound SMS of both modems, each with its modem', async () => {
    fixture.pty.modem.injectSms({ from: '+447700900555', text: 'to modem 1' });
    second.modem.injectSms({ from: '+447700900556', text: 'to modem 2' });
    const client = fixture.client();
    await waitFor(async () => (await client.inbox!()).messages.length === 2, 'both SMS were journaled');
    const messages = (await client.inbox!()).messages;
    expect(messages.map((message) => [message.text, message.port]).sort()).toEqual([
      ['to modem 1', fixture.pty.path],
      ['to modem 2', second.path],
    ]);
    const modems = await client.admin!('modems', {});
    expect((modems.data['modems'] as unknown[]).length).toBe(2);
  });
});
