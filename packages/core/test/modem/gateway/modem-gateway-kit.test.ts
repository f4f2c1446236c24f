import { GatewayAuthError } from '../../../src/errors/gateway-errors';
import { modemVendor } from '../../../src/modem/gateway/modem-vendor';
import { ModemGatewayKit } from '../../../src/testing/modem-gateway-kit';
import type { GatewayClient } from '../../../src/vendors/gateway-client';
import { VendorRegistry } from '../../../src/vendors/registry';

describe('ModemGatewayKit: the modem as the conformance suite drives it', () => {
  const kit = new ModemGatewayKit({ requestTimeoutMs: 400 });
  const registry = new VendorRegistry([modemVendor]);
  const clients: GatewayClient[] = [];
  const open = (values = kit.connection()): GatewayClient => {
    const client = registry.open('modem', values, kit.context());
    clients.push(client);
    return client;
  };

  beforeAll(() => kit.start());
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
    await kit.disarm();
  });
  afterAll(() => kit.stop());

  it('counts accepted messages (not parts) and the AT lines the modem saw', async () => {
    const seen = kit.requestsSeen();
    await open().send({ to: ['+447700900123'], text: 'long '.repeat(60) });
    expect(kit.acceptedFor('+447700900123')).toBe(1);
    expect(kit.modem.submitted).toHaveLength(2);
    expect(kit.requestsSeen()).toBeGreaterThan(seen);
  });

  it('shows unreachable, the timeouts and a reset; refuses the HTTP-only faults', async () => {
    expect(await kit.arm('unreachable')).toBe(true);
    await expect(open().send({ to: ['+447700900124'], text: 'x' })).rejects.toMatchObject({ outcome: 'not-sent' });
    await kit.disarm();

    expect(await kit.arm('timeout-before-handling')).toBe(true);
    await expect(open().send({ to: ['+447700900125'], text: 'x' })).rejects.toMatchObject({ outcome: 'not-sent', code: 'SMSB_GATEWAY_TIMEOUT' });
    await kit.disarm();
    expect(kit.acceptedFor('+447700900125')).toBe(0);

    for (const fault of ['timeout-after-handling', 'reset-mid-body'] as const) {
      const to = fault === 'reset-mid-body' ? '+447700900126' : '+447700900127';
      expect(await kit.arm(fault)).toBe(true);
      await expect(open().send({ to: [to], text: fault })).resolves.toMatchObject([{ state: 'unknown', accepted: false }]);
      await kit.disarm();
      expect(kit.acceptedFor(to)).toBe(1);
    }
    for (const fault of ['server-error', 'malformed-body', 'rate-limit'] as const) expect(await kit.arm(fault)).toBe(false);
    await expect(open().send({ to: ['+447700900128'], text: 'after the faults' })).resolves.toMatchObject([{ state: 'sent' }]);
  });

  it('gives wrong credentials (a PIN) that fail as auth, as often as asked, without locking the working SIM', async () => {
    for (let attempt = 0; attempt < 4; attempt++) {
      await expect(open(kit.wrongCredentials()).send({ to: ['+447700900129'], text: 'x' })).rejects.toBeInstanceOf(GatewayAuthError);
      await clients.pop()!.close();
    }
    await expect(open().verify()).resolves.toMatchObject({ status: 'verified' });
  });

  it('hands a hub whose own user still reaches the modem after a client closed', async () => {
    const given = await kit.givenConnection();
    const client = registry.open('modem', kit.connection(), given.context);
    await client.send({ to: ['+447700900130'], text: 'given' });
    await client.close();
    expect(await given.stillOpen()).toBe(true);
    await given.release();
    expect(await given.stillOpen()).toBe(false);
  });

  it('puts injected messages on the SIM, where a later session\'s inbox finds them', async () => {
    await open().send({ to: ['+447700900131'], text: 'a session that sweeps "SR" too' });
    await clients.pop()!.close();
    await kit.injectInbound('+447700900777', 'for the inbox');
    const page = await open().inbox!();
    expect(page.messages.map((message) => message.text)).toContain('for the inbox');
  });
});
