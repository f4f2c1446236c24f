// Every registry entry through the same cases. No vendor name appears here: what differs between
// gateways is read from the entry (capabilities, descriptors) or offered by its test kit.
import { GatewayAuthError, InvalidRequestError, SmsBridgeError } from '../../src/errors';
import type { SendRequest, SendResult } from '../../src/model';
import { createTestKit } from '../../src/testing/conformance-kits';
import type { GatewayTestKit } from '../../src/testing/gateway-test-kit';
import type { SendField } from '../../src/vendors/contract';
import type { GatewayClient } from '../../src/vendors/gateway-client';
import { createVendorRegistry } from '../../src/vendors/registry';

const registry = createVendorRegistry();
/** Numbers the simulators deliver normally (no failure rule matches them). */
const RECIPIENT = '+447700900123';
const OTHER_RECIPIENT = '+447700900456';
const SECRETS = ['not-the-password-3141'];

const SAMPLE_FIELD_VALUES: Record<SendField, Partial<SendRequest>> = {
  from: { from: 'Shop' },
  flash: { flash: true },
  statusReport: { statusReport: true },
  validityMinutes: { validityMinutes: 60 },
  scheduleAt: { scheduleAt: new Date(Date.now() + 3_600_000) },
};

async function failureOf(promise: Promise<unknown>): Promise<SmsBridgeError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(SmsBridgeError);
    return error as SmsBridgeError;
  }
  throw new Error('expected the call to fail');
}

describe.each(registry.keys())('gateway %s meets the contract', (key) => {
  const entry = registry.get(key);
  const kitOrNone = createTestKit(key);
  const errorsSeen: unknown[] = [];
  let kit: GatewayTestKit;
  const clients: GatewayClient[] = [];

  function open(values = kit.connection()): GatewayClient {
    const client = registry.open(key, values, kit.context());
    clients.push(client);
    return client;
  }

  /** A send that must throw; the error is kept for the secret check. */
  async function refusedSend(client: GatewayClient, request: SendRequest): Promise<SmsBridgeError> {
    const error = await failureOf(client.send(request));
    errorsSeen.push(error);
    return error;
  }

  async function onlyResult(promise: Promise<SendResult[]>): Promise<SendResult> {
    const results = await promise;
    expect(results).toHaveLength(1);
    errorsSeen.push(results[0]);
    return results[0]!;
  }

  beforeAll(async () => {
    expect(kitOrNone).toBeDefined();
    kit = kitOrNone!;
    await kit.start();
  });

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
    await kit.disarm();
  });

  afterAll(async () => {
    const password = kit ? kit.connection()['password'] : undefined;
    await kit?.stop();
    const secrets = typeof password === 'string' && password !== '' ? [...SECRETS, password] : SECRETS;
    for (const seen of errorsSeen) {
      const text = seen instanceof Error ? `${seen.message}\n${seen.stack}\n${JSON.stringify(seen)}` : JSON.stringify(seen);
      for (const secret of secrets) expect(text).not.toContain(secret);
    }
  });

  it('sends once and returns one accepted result per recipient', async () => {
    const results = await open().send({ to: [RECIPIENT, OTHER_RECIPIENT], text: 'conformance hello' });
    expect(results.map((result) => result.to.replace(/\D/g, ''))).toEqual([RECIPIENT, OTHER_RECIPIENT].map((to) => to.replace(/\D/g, '')));
    for (const result of results) {
      expect(result).toMatchObject({ accepted: true, gateway: key, parts: 1, encoding: 'gsm7' });
      expect(result.state).toMatch(/queued|sent/);
    }
    expect(kit.acceptedFor(RECIPIENT)).toBe(1);
  });

  it('throws a not-sent error when the gateway cannot be reached, and nothing arrives', async () => {
    const before = kit.acceptedFor(RECIPIENT);
    if (!(await kit.arm('unreachable'))) return;
    const error = await refusedSend(open(), { to: [RECIPIENT], text: 'unreachable' });
    expect(error.outcome).toBe('not-sent');
    await kit.disarm();
    expect(kit.acceptedFor(RECIPIENT)).toBe(before);
  });

  it('throws a not-sent error when it times out before the request was written', async () => {
    const before = kit.acceptedFor(RECIPIENT);
    if (!(await kit.arm('timeout-before-handling'))) return;
    const error = await refusedSend(open(), { to: [RECIPIENT], text: 'connect timeout' });
    expect(error.outcome).toBe('not-sent');
    await kit.disarm();
    expect(kit.acceptedFor(RECIPIENT)).toBe(before);
  });

  it.each([
    ['timeout-after-handling', 1],
    ['reset-mid-body', 1],
    ['malformed-body', 1],
    ['server-error', 0],
  ] as const)('reports %s as state unknown, never sent twice', async (fault, acted) => {
    const to = `+4477009${String(Math.floor(Math.random() * 90_000) + 10_000)}`;
    if (!(await kit.arm(fault))) return;
    const result = await onlyResult(open().send({ to: [to], text: `fault ${fault}` }));
    expect(result).toMatchObject({ accepted: false, state: 'unknown' });
    expect(result.errorMessage).toBeTruthy();
    await kit.disarm();
    expect(kit.acceptedFor(to)).toBe(acted);
  });

  it('refuses wrong credentials as an auth error, sending nothing', async () => {
    const wrong = kit.wrongCredentials();
    if (!wrong) return;
    const before = kit.acceptedFor(RECIPIENT);
    const error = await refusedSend(open(wrong), { to: [RECIPIENT], text: 'wrong password' });
    expect(error).toBeInstanceOf(GatewayAuthError);
    expect(error.outcome).toBe('refused');
    expect(kit.acceptedFor(RECIPIENT)).toBe(before);
  });

  it('reports a long Retry-After at once with the wait, sending nothing', async () => {
    const before = kit.acceptedFor(RECIPIENT);
    if (!(await kit.arm('rate-limit', { retryAfterSeconds: 3600 }))) return;
    const started = Date.now();
    const error = await refusedSend(open(), { to: [RECIPIENT], text: 'throttled' });
    expect(error.outcome).toBe('not-sent');
    expect(error.retryAfterMs).toBe(3_600_000);
    // Not slept through: far less than the hour asked (a generous bound, not a timing assertion).
    expect(Date.now() - started).toBeLessThan(60_000);
    await kit.disarm();
    expect(kit.acceptedFor(RECIPIENT)).toBe(before);
  });

  describe('input is checked before any request', () => {
    const tooLong = 'x'.repeat(153 * 256);
    it.each([
      ['an empty text', { to: [RECIPIENT], text: '' }],
      ['punctuation instead of a number', { to: ['+-()'], text: 'hello' }],
      ['a 40-digit number', { to: [`+${'4'.repeat(40)}`], text: 'hello' }],
      ['an impossible international number', { to: ['+44123'], text: 'hello' }],
      ['no recipient', { to: [], text: 'hello' }],
      ['more than 255 parts', { to: [RECIPIENT], text: tooLong }],
      ['an unknown send option', { to: [RECIPIENT], text: 'hello', vendorOptions: { noSuchOption: 1 } }],
    ] as const)('refuses %s', async (_what, request) => {
      const seen = kit.requestsSeen();
      const error = await refusedSend(open(), request as unknown as SendRequest);
      expect(error).toBeInstanceOf(InvalidRequestError);
      expect(error.outcome).toBe('not-sent');
      expect(kit.requestsSeen()).toBe(seen);
    });

    it('refuses letters as a number, unless the gateway takes contact names', async () => {
      if (entry.capabilities.namedRecipients) return;
      const seen = kit.requestsSeen();
      expect(await refusedSend(open(), { to: ['abc'], text: 'hello' })).toBeInstanceOf(InvalidRequestError);
      expect(kit.requestsSeen()).toBe(seen);
    });

    const unsupported = (Object.keys(SAMPLE_FIELD_VALUES) as SendField[]).filter((field) => !entry.capabilities.sendFields.includes(field));
    it.each(unsupported.length > 0 ? unsupported : [undefined])('refuses a send field it cannot honour: %s (best effort drops it)', async (field) => {
      if (field === undefined) return;
      const seen = kit.requestsSeen();
      const error = await refusedSend(open(), { to: [RECIPIENT], text: 'unsupported', ...SAMPLE_FIELD_VALUES[field] });
      expect(error).toBeInstanceOf(InvalidRequestError);
      expect(error.message).toContain(entry.describe.displayName);
      expect(error.message).toContain(field);
      expect(kit.requestsSeen()).toBe(seen);
      const [result] = await open().send({ to: [OTHER_RECIPIENT], text: 'best effort', bestEffort: true, ...SAMPLE_FIELD_VALUES[field] });
      expect(result!.accepted).toBe(true);
    });
  });

  it('verifies right credentials and reports wrong ones', async () => {
    const right = await open().verify();
    if (right.status === 'unverifiable') {
      expect(right.message.length).toBeGreaterThan(10);
      return;
    }
    expect(right.status).toBe('verified');
    const wrongValues = kit.wrongCredentials();
    if (!wrongValues) return;
    const wrong = await open(wrongValues).verify();
    expect(wrong.status).toBe('failed');
    if (wrong.status === 'failed') {
      expect(wrong.error).toBeInstanceOf(GatewayAuthError);
      errorsSeen.push(wrong.error);
    }
  });

  it('leaves a connection it was given open when it closes', async () => {
    const given = await kit.givenConnection();
    try {
      const client = registry.open(key, kit.connection(), given.context);
      const [result] = await client.send({ to: [OTHER_RECIPIENT], text: 'given connection' });
      expect(result!.accepted).toBe(true);
      await client.close();
      expect(await given.stillOpen()).toBe(true);
    } finally {
      await given.release();
    }
  });

  it('loses nothing and repeats nothing when the host crashes between a poll and its hand-over', async () => {
    if (!entry.capabilities.operations.includes('inbox')) return;
    const text = `inbound ${key} ${Date.now()}`;
    await kit.injectInbound('+447700900777', text);
    const ours = (messages: { text: string }[]) => messages.filter((message) => message.text === text);

    // Polls, then "crashes": the cursor it got is never stored, nothing is acknowledged.
    const first = await open().inbox!(undefined);
    expect(ours(first.messages)).toHaveLength(1);

    // Restarted from the stored (empty) cursor: the message is still there.
    const restarted = open();
    const again = await restarted.inbox!(undefined);
    expect(ours(again.messages)).toHaveLength(1);
    expect((again.cursor ?? '').length).toBeLessThan(4096);
    await restarted.acknowledge?.(again.messages);

    // Handed on and acknowledged, with the new cursor stored: never again.
    const after = await open().inbox!(again.cursor);
    expect(ours(after.messages)).toHaveLength(0);
  });
});
