import { GatewayAuthError, GatewayRejectedError, GatewayTimeoutError, InvalidRequestError } from '../../../src/errors';
import { ManualClock } from '../../../src/testing/manual-clock';
import { UndiciHttpTransport } from '../../../src/transport/undici-http-transport';
import * as routesms from '../../../src/vendors/routesms';
import { RoutesmsSimulator } from '../../../src/vendors/routesms/routesms-simulator';
import { expectNoSecretIn, rejectionOf } from '../shared/rejection';
import { eventually, PushReceiverServer } from './push-receiver-server';

const { RoutesmsClient, receiveRoutesmsDlr } = routesms;
type Client = InstanceType<typeof RoutesmsClient>;
type Simulator = InstanceType<typeof RoutesmsSimulator>;

// Characters that need URL-encoding, so the test also proves the query survives the trip.
const PASSWORD = 'S3cr3t+Pa ss&word=1';
const ACCOUNT = { username: 'acme', password: PASSWORD };

let simulator: Simulator;
let client: Client;
const errorsSeen: unknown[] = [];

function newClient(overrides: Partial<ConstructorParameters<typeof RoutesmsClient>[0]> = {}): Client {
  return new RoutesmsClient({
    baseUrl: overrides.baseUrl ?? simulator.baseUrl,
    username: ACCOUNT.username,
    password: PASSWORD,
    defaultSource: 'ACME',
    retry: { initialDelayMs: 1, maxDelayMs: 2 },
    ...overrides,
  });
}

const failure = (promise: Promise<unknown>) => rejectionOf(promise, errorsSeen);

function lastQuery(): Record<string, string> {
  return simulator.requestLog[simulator.requestLog.length - 1]!.query;
}

beforeEach(async () => {
  simulator = new RoutesmsSimulator({ accounts: [ACCOUNT], network: { sendDelayMs: 2, deliveryDelayMs: 2 } });
  await simulator.start();
  client = newClient();
});

afterEach(async () => {
  await client.close();
  await simulator.stop();
});

afterAll(() => {
  // Every error any test provoked: the password must appear nowhere in it.
  expect(errorsSeen.length).toBeGreaterThan(20);
  expectNoSecretIn(errorsSeen, [PASSWORD, encodeURIComponent(PASSWORD)]);
});

describe('RoutesmsClient against the simulator', () => {
  it('sends a GSM text and gets the message id', async () => {
    const [result] = await client.send({ to: ['+44 7700 900123'], text: 'Hello from smsbridge' });
    expect(result).toMatchObject({ to: '447700900123', accepted: true, state: 'queued', parts: 1, encoding: 'gsm7', gateway: 'routesms' });
    expect(simulator.network.get(result!.messageId!)?.text).toBe('Hello from smsbridge');
    expect(lastQuery()).toMatchObject({ username: 'acme', password: PASSWORD, type: '0', dlr: '0', destination: '447700900123', source: 'ACME' });
  });

  it('asks for a delivery report only when the send asks (statusReport true), or unset with deliveryReports on', async () => {
    await client.send({ to: ['447700900123'], text: 'x', statusReport: true });
    expect(lastQuery().dlr).toBe('1');
    await client.send({ to: ['447700900123'], text: 'x', statusReport: false });
    expect(lastQuery().dlr).toBe('0');
    const reporting = newClient({ deliveryReports: true });
    try {
      await reporting.send({ to: ['447700900123'], text: 'x' });
      expect(lastQuery().dlr).toBe('1');
      await reporting.send({ to: ['447700900123'], text: 'x', statusReport: false });
      expect(lastQuery().dlr).toBe('0');
    } finally {
      await reporting.close();
    }
  });

  it('sends Unicode as type 2 hex and flash as 1 / 6', async () => {
    const [unicode] = await client.send({ to: ['447700900123'], text: 'Привет 👋' });
    expect(lastQuery()).toMatchObject({ type: '2', message: '041F044004380432043504420020D83DDC4B' });
    expect(unicode).toMatchObject({ accepted: true, encoding: 'ucs2' });
    expect(simulator.network.get(unicode!.messageId!)?.text).toBe('Привет 👋');
    await client.send({ to: ['447700900123'], text: 'Hi', flash: true });
    expect(lastQuery()).toMatchObject({ type: '1', message: 'Hi' });
    await client.send({ to: ['447700900123'], text: 'Ünïcödé ✓', flash: true });
    expect(lastQuery().type).toBe('6');
    await client.send({ to: ['447700900123'], text: 'plain', encoding: 'ucs2' });
    expect(lastQuery()).toMatchObject({ type: '2', message: '0070006C00610069006E' });
  });

  it('transliterates to GSM when GSM-7 is forced, keeping type 0', async () => {
    const [result] = await client.send({ to: ['447700900123'], text: 'Grüße “quoted” ✓', encoding: 'gsm7' });
    expect(lastQuery().type).toBe('0');
    expect(result!.encoding).toBe('gsm7');
    expect(lastQuery().message).not.toMatch(/[“”]/);
  });

  it('counts parts as the seed does (160/153 GSM, 70/67 Unicode)', async () => {
    expect((await client.send({ to: ['447700900123'], text: 'a'.repeat(160) }))[0]!.parts).toBe(1);
    expect((await client.send({ to: ['447700900123'], text: 'a'.repeat(161) }))[0]!.parts).toBe(2);
    expect((await client.send({ to: ['447700900123'], text: 'ж'.repeat(70) }))[0]!.parts).toBe(1);
    expect((await client.send({ to: ['447700900123'], text: 'ж'.repeat(71) }))[0]!.parts).toBe(2);
  });

  it('passes vendor options through and honours an explicit type', async () => {
    await client.send({ to: ['919898000001'], text: 'OTP 1234', vendorOptions: { entityid: '1101', tempid: '1207', tmid: '1,2' } });
    expect(lastQuery()).toMatchObject({ entityid: '1101', tempid: '1207', tmid: '1,2' });
    const [forcedUnicode] = await client.send({ to: ['919898000001'], text: 'plain', vendorOptions: { type: '2' } });
    expect(lastQuery()).toMatchObject({ type: '2', message: '0070006C00610069006E' });
    expect(forcedUnicode).toMatchObject({ encoding: 'ucs2' });
    await client.send({ to: ['919898000001'], text: 'Café', vendorOptions: { type: 5 } });
    expect(lastQuery()).toMatchObject({ type: '5', message: 'Café' });
    const [wap] = await client.send({ to: ['919898000001'], text: 'Offer', vendorOptions: { type: 4, url: 'http://example.com/o' } });
    expect(wap).toMatchObject({ accepted: true, encoding: '8bit' });
  });

  it('reads several destinations, accepted and refused, in the order asked', async () => {
    simulator.refuseDestination('447700900222', 1732);
    simulator.refuseDestination('447700900333', 1042);
    const results = await client.send({ to: ['447700900111', '447700900222', '447700900333', '447700900444'], text: 'Hi all' });
    expect(lastQuery().destination).toBe('447700900111,447700900222,447700900333,447700900444');
    expect(results.map((r) => [r.to, r.accepted, r.errorCode ?? null])).toEqual([
      ['447700900111', true, null],
      ['447700900222', false, 1732],
      ['447700900333', false, 1042],
      ['447700900444', true, null],
    ]);
    expect(results[1]!.errorMessage).toMatch(/DND/);
    expect(new Set(results.filter((r) => r.accepted).map((r) => r.messageId)).size).toBe(2);
  });

  it('splits large sends into several requests', async () => {
    const chunked = newClient({ maxDestinationsPerRequest: 2 });
    try {
      const before = simulator.requestLog.length;
      const results = await chunked.send({ to: ['447700900001', '447700900002', '447700900003'], text: 'x' });
      expect(results.every((r) => r.accepted)).toBe(true);
      expect(simulator.requestLog.length - before).toBe(2);
    } finally {
      await chunked.close();
    }
  });

  it('schedules through /bulksms/schedulemsg in the configured zone', async () => {
    const zoned = newClient({ timeZone: 'Asia/Kolkata' });
    try {
      const at = new Date(Date.now() + 3 * 86_400_000);
      at.setUTCSeconds(0, 0);
      const [result] = await zoned.send({ to: ['919898000001'], text: 'Later', scheduleAt: at });
      const logged = simulator.requestLog[simulator.requestLog.length - 1]!;
      expect(logged.path).toBe('/bulksms/schedulemsg');
      expect(logged.query.gmt).toBe('GMT +05:30');
      expect(logged.query.time).toMatch(/^\d{2}:\d{2} (am|pm)$/);
      const message = simulator.network.get(result!.messageId!)!;
      expect(message.notBefore).toBe(at.getTime());
      expect(message.state).toBe('queued');
    } finally {
      await zoned.close();
    }
  });

  it('refuses wrong credentials with GatewayAuthError (1703)', async () => {
    const wrong = newClient({ password: 'not-the-password' });
    try {
      const error = await failure(wrong.send({ to: ['447700900123'], text: 'x' }));
      expect(error).toBeInstanceOf(GatewayAuthError);
      expect(error.details).toMatchObject({ vendorCode: 1703 });
    } finally {
      await wrong.close();
    }
    simulator.faults.add({ kind: 'auth-refused' });
    expect(await failure(client.send({ to: ['447700900123'], text: 'x' }))).toBeInstanceOf(GatewayAuthError);
  });

  it.each([
    [1702, GatewayRejectedError],
    [1704, GatewayRejectedError],
    [1705, GatewayRejectedError],
    [1707, GatewayRejectedError],
    [1708, GatewayRejectedError],
    [1710, GatewayRejectedError],
    [1725, GatewayRejectedError],
    [1025, GatewayRejectedError],
    [1028, GatewayRejectedError],
    [1033, GatewayRejectedError],
    [69, GatewayRejectedError],
    [8, GatewayRejectedError],
    [16, GatewayAuthError],
    [18, GatewayAuthError],
    [88, GatewayRejectedError],
  ])('answers %s with the right error and never resubmits', async (code, type) => {
    simulator.answerNextWith(code, 5);
    const before = simulator.requestLog.length;
    const error = await failure(client.send({ to: ['447700900123'], text: 'x' }));
    expect(error).toBeInstanceOf(type);
    expect(error.retryable).toBe(false);
    expect(error.details).toMatchObject({ gateway: 'routesms', vendorCode: code });
    expect(simulator.requestLog.length - before).toBe(1);
  });

  it('reports 1715 (response timeout: the message may have gone) as unknown, never resubmitted', async () => {
    simulator.answerNextWith(1715, 5);
    const before = simulator.requestLog.length;
    const [result] = await client.send({ to: ['447700900123'], text: 'x' });
    expect(result).toMatchObject({ to: '447700900123', accepted: false, state: 'unknown', errorCode: 1715 });
    expect(result!.errorMessage).toMatch(/check delivery reports/);
    expect((result!.raw as { error: { name: string } }).error.name).toBe(GatewayTimeoutError.name);
    expect(simulator.requestLog.length - before).toBe(1);
  });

  it.each([1041, 1042, 1732, 1706])('reports destination-scoped %s as a refused result', async (code) => {
    simulator.refuseDestination('447700900123', code);
    const [result] = await client.send({ to: ['447700900123'], text: 'x' });
    expect(result).toMatchObject({ accepted: false, state: 'failed', errorCode: code });
  });

  it('resubmits on 1709 only, within the retry budget', async () => {
    simulator.answerNextWith(1709, 1);
    const before = simulator.requestLog.length;
    const [result] = await client.send({ to: ['447700900123'], text: 'x' });
    expect(result!.accepted).toBe(true);
    expect(simulator.requestLog.length - before).toBe(2);

    simulator.answerNextWith(1709, 10);
    const again = simulator.requestLog.length;
    const error = await failure(client.send({ to: ['447700900123'], text: 'x' }));
    expect(error).toBeInstanceOf(GatewayRejectedError);
    expect(error.retryable).toBe(true);
    expect(simulator.requestLog.length - again).toBe(3);
  });

  it('reports credit running out part-way per destination, and as an error when nothing went', async () => {
    simulator.credit = 1;
    const results = await client.send({ to: ['447700900001', '447700900002'], text: 'x' });
    expect(results.map((r) => r.accepted)).toEqual([true, false]);
    expect(results[1]!.errorCode).toBe(1725);
    const error = await failure(client.send({ to: ['447700900003'], text: 'x' }));
    expect(error).toBeInstanceOf(GatewayRejectedError);
    expect((error as InstanceType<typeof GatewayRejectedError>).vendorCode).toBe(1725);
  });

  it('accepts 1025 as insufficient credit from older deployments', async () => {
    await simulator.stop();
    simulator = new RoutesmsSimulator({ accounts: [ACCOUNT], credit: 0, insufficientCreditCode: 1025 });
    await simulator.start();
    await client.close();
    client = newClient();
    const error = await failure(client.send({ to: ['447700900003'], text: 'x' }));
    expect(error.message).toMatch(/Insufficient credit.*top up/);
    expect(error.details.vendorCode).toBe(1025);
  });

  it('validates before sending', async () => {
    await expect(client.send({ to: ['not a number'], text: 'x' })).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(client.send({ to: ['447700900123'], text: 'x', from: 'WAYTOOLONGNAME' })).rejects.toThrow(/at most 11/);
    await expect(client.send({ to: [], text: 'x' })).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(client.send({ to: ['447700900123'], text: 'x', vendorOptions: { password: 'x' } })).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(client.send({ to: ['447700900123'], text: 'x', scheduleAt: new Date(Date.now() - 60_000) })).rejects.toThrow(/future/);
    await expect(client.send({ to: ['447700900123'], text: 'x', vendorOptions: { type: 3 } })).rejects.toBeInstanceOf(InvalidRequestError);
    const noSender = newClient({ defaultSource: undefined });
    try {
      await expect(noSender.send({ to: ['447700900123'], text: 'x' })).rejects.toThrow(/sender/);
    } finally {
      await noSender.close();
    }
  });
});

describe('RoutesmsClient and bad answers', () => {
  const send = () => failure(client.send({ to: ['447700900123'], text: 'x' }));
  /** The gateway may have acted: the one destination is `unknown` with the error's code, and the request is never repeated. */
  async function unknownOutcome(): Promise<{ errorCode: unknown; name: string }> {
    const before = simulator.requestLog.length;
    const results = await client.send({ to: ['447700900123'], text: 'x' });
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ to: '447700900123', accepted: false, state: 'unknown' });
    expect(simulator.requestLog.length - before).toBe(1);
    errorsSeen.push({ message: results[0]!.errorMessage, raw: results[0]!.raw });
    return { errorCode: results[0]!.errorCode, name: (results[0]!.raw as { error: { name: string } }).error.name };
  }

  it('an HTML error page: maybe sent, so unknown', async () => {
    simulator.faults.add({ kind: 'html-error-page', status: 502 });
    expect(await unknownOutcome()).toEqual({ errorCode: 'HTTP 502', name: 'GatewayRejectedError' });
  });

  it('an HTML page with status 200', async () => {
    simulator.faults.add({ kind: 'malformed-body', body: '<html><body>Login</body></html>' });
    expect((await unknownOutcome()).name).toBe('GatewayMalformedResponseError');
  });

  it('an empty body', async () => {
    simulator.faults.add({ kind: 'http-status', status: 200, body: '' });
    expect((await unknownOutcome()).name).toBe('GatewayMalformedResponseError');
  });

  it('JSON where text was expected', async () => {
    simulator.faults.add({ kind: 'malformed-body', body: '{"error":"unexpected"}' });
    expect((await unknownOutcome()).name).toBe('GatewayMalformedResponseError');
  });

  it('a truncated answer: a cut code line is malformed, destinations cut off are not reported as accepted', async () => {
    simulator.faults.add({ kind: 'malformed-body', body: '1701|4477009' });
    expect((await unknownOutcome()).name).toBe('GatewayMalformedResponseError');
    simulator.faults.add({ kind: 'truncated-body' });
    const results = await client.send({ to: ['447700900001', '447700900002', '447700900003'], text: 'x' });
    expect(results[0]).toMatchObject({ accepted: true });
    expect(results[2]).toMatchObject({ accepted: false, state: 'unknown' });
    expect(results[2]!.errorMessage).toMatch(/did not report/);
  });

  it('a reset in the middle of the body, never resubmitted', async () => {
    simulator.faults.add({ kind: 'reset-mid-body' });
    expect((await unknownOutcome()).errorCode).toBe('SMSB_GATEWAY_MALFORMED_RESPONSE');
  });

  it('a dropped connection after the gateway acted, never resubmitted', async () => {
    simulator.faults.add({ kind: 'drop-connection', afterHandling: true });
    await unknownOutcome();
  });

  it('a reset on a later chunk: reported unknown, earlier sends kept', async () => {
    const real = new UndiciHttpTransport({ baseUrl: simulator.baseUrl, gateway: 'routesms', secrets: [PASSWORD] });
    let calls = 0;
    const transport = {
      request: (request: Parameters<typeof real.request>[0]) => {
        calls += 1;
        if (calls === 2) simulator.faults.add({ kind: 'reset-mid-body' });
        return real.request(request);
      },
      close: () => real.close(),
    };
    const chunked = newClient({ transport, maxDestinationsPerRequest: 1 });
    try {
      const results = await chunked.send({ to: ['447700900001', '447700900002', '447700900003'], text: 'x' });
      expect(results.map((r) => [r.accepted, r.state])).toEqual([
        [true, 'queued'],
        [false, 'unknown'],
        [true, 'queued'],
      ]);
      expect(results[1]!.errorCode).toBe('SMSB_GATEWAY_MALFORMED_RESPONSE');
      errorsSeen.push({ message: results[1]!.errorMessage });
    } finally {
      await chunked.close();
      await real.close();
    }
  });

  it('a 500 with a code line is read as the code', async () => {
    simulator.faults.add({ kind: 'http-status', status: 500, body: '1710' });
    const error = await send();
    expect(error).toBeInstanceOf(GatewayRejectedError);
    expect(error.details.vendorCode).toBe(1710);
  });

  it('a 500 with an error text echoing the URL never leaks the password', async () => {
    simulator.faults.add({ kind: 'http-status', status: 500, body: `Error in /bulksms/bulksms?username=acme&password=${encodeURIComponent(PASSWORD)}` });
    expect(await unknownOutcome()).toEqual({ errorCode: 'HTTP 500', name: 'GatewayRejectedError' });
  });

  it('a gateway that is not there', async () => {
    const baseUrl = simulator.baseUrl;
    await simulator.stop();
    const gone = newClient({ baseUrl });
    try {
      const error = await failure(gone.send({ to: ['447700900123'], text: 'x' }));
      expect(error.code).toBe('SMSB_GATEWAY_UNREACHABLE');
    } finally {
      await gone.close();
    }
  });
});

describe('Route Mobile delivery reports pushed by the simulator', () => {
  let receiver: PushReceiverServer;
  beforeEach(async () => {
    receiver = new PushReceiverServer((call) => {
      const receipt = receiveRoutesmsDlr({ method: call.method, query: call.query, body: call.body, contentType: call.contentType });
      return { status: receipt.answer.status, body: receipt.answer.body };
    });
    simulator.dlrUrl = await receiver.start();
  });
  afterEach(async () => {
    await simulator.pushes.settle();
    await receiver.stop();
  });

  const statuses = () =>
    receiver.calls.map((call) => receiveRoutesmsDlr({ method: call.method, body: call.body, contentType: call.contentType }).status!);

  it('pushes the final report as a form POST with every documented field', async () => {
    const [result] = await client.send({ to: ['447700900123'], text: 'Hello', statusReport: true });
    await eventually(() => receiver.calls.length === 1);
    await simulator.pushes.settle();
    expect(receiver.calls[0]!.method).toBe('POST');
    expect(receiver.calls[0]!.contentType).toBe('application/x-www-form-urlencoded');
    const fields = Object.fromEntries(new URLSearchParams(receiver.calls[0]!.body));
    expect(Object.keys(fields)).toEqual(['sSender', 'sMobileNo', 'sStatus', 'dtSubmit', 'dtDone', 'sMessageId', 'iCostPerSms', 'iCharge', 'iMCCMNC', 'iErrCode']);
    expect(fields.dtDone).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(statuses()[0]).toMatchObject({ state: 'delivered', messageId: result!.messageId, to: '447700900123', rawStatus: 'DELIVRD' });
    expect(simulator.pushes.deliveries[0]).toMatchObject({ status: 200 });
  });

  it('reports undelivered, rejected and expired messages', async () => {
    const results = await client.send({ to: ['447700900999', '447700900666', '447700900888'], text: 'Hello', statusReport: true });
    await eventually(() => receiver.calls.length === 3);
    const byId = new Map(statuses().map((status) => [status.messageId, status]));
    expect(byId.get(results[0]!.messageId!)).toMatchObject({ state: 'failed', rawStatus: 'UNDELIV', errorCode: '001' });
    expect(byId.get(results[1]!.messageId!)).toMatchObject({ state: 'failed', rawStatus: 'REJECTD' });
    expect(byId.get(results[2]!.messageId!)).toMatchObject({ state: 'expired', rawStatus: 'EXPIRED' });
  });

  it('pushes nothing for dlr=0, and ACKED first when intermediate reports are on', async () => {
    await client.send({ to: ['447700900123'], text: 'quiet', statusReport: false });
    expect(lastQuery().dlr).toBe('0');
    await eventually(() => [...simulator.network.messages.values()].every((m) => m.state === 'delivered'));
    await simulator.pushes.settle();
    expect(receiver.calls).toHaveLength(0);

    await simulator.stop();
    simulator = new RoutesmsSimulator({ accounts: [ACCOUNT], intermediateReports: true, dlrUrl: receiver.url, network: { sendDelayMs: 2, deliveryDelayMs: 2 } });
    await simulator.start();
    await client.close();
    client = newClient();
    await client.send({ to: ['447700900123'], text: 'loud', statusReport: true });
    await eventually(() => receiver.calls.length === 2);
    expect(statuses().map((s) => s.rawStatus)).toEqual(['ACKED', 'DELIVRD']);
  });
});

describe('RoutesmsClient: one outcome rule for every batch (settleSend)', () => {
  /** A transport that lets the simulator answer, but arms `fault` for the request numbered `at` (1-based). */
  function armedAt(at: number, arm: () => void) {
    const real = new UndiciHttpTransport({ baseUrl: simulator.baseUrl, gateway: 'routesms', secrets: [PASSWORD] });
    let calls = 0;
    let closed = 0;
    return {
      transport: {
        request: (request: Parameters<typeof real.request>[0]) => {
          calls += 1;
          if (calls === at) arm();
          return real.request(request);
        },
        close: async () => {
          closed += 1;
        },
      },
      closedCount: () => closed,
      realClose: () => real.close(),
    };
  }

  it('a refusal of the first request throws: nothing reached the gateway', async () => {
    simulator.answerNextWith(1725);
    const chunked = newClient({ maxDestinationsPerRequest: 1 });
    try {
      const before = simulator.requestLog.length;
      const error = await failure(chunked.send({ to: ['447700900001', '447700900002'], text: 'x' }));
      expect(error).toMatchObject({ vendorCode: 1725, outcome: 'refused' });
      expect(simulator.requestLog.length - before).toBe(1);
    } finally {
      await chunked.close();
    }
  });

  it('a refusal of a later request fails its destinations and the next requests still go', async () => {
    const armed = armedAt(2, () => simulator.answerNextWith(1725));
    const chunked = newClient({ transport: armed.transport, maxDestinationsPerRequest: 1 });
    try {
      const results = await chunked.send({ to: ['447700900001', '447700900002', '447700900003'], text: 'x' });
      expect(results.map((r) => [r.to, r.state, r.errorCode ?? null])).toEqual([
        ['447700900001', 'queued', null],
        ['447700900002', 'failed', 1725],
        ['447700900003', 'queued', null],
      ]);
    } finally {
      await chunked.close();
      await armed.realClose();
    }
  });

  it('wrong credentials on a later request stop the rest: "Not sent", never tried', async () => {
    const armed = armedAt(2, () => simulator.answerNextWith(1703));
    const chunked = newClient({ transport: armed.transport, maxDestinationsPerRequest: 1 });
    try {
      const before = simulator.requestLog.length;
      const results = await chunked.send({ to: ['447700900001', '447700900002', '447700900003'], text: 'x' });
      expect(results.map((r) => [r.state, r.errorCode ?? null])).toEqual([
        ['queued', null],
        ['failed', 1703],
        ['failed', 'SMSB_GATEWAY_AUTH'],
      ]);
      expect(results[2]!.errorMessage).toMatch(/^Not sent: /);
      expect(simulator.requestLog.length - before).toBe(2);
      errorsSeen.push(...results.map((r) => ({ message: r.errorMessage })));
    } finally {
      await chunked.close();
      await armed.realClose();
    }
  });

  it('close() leaves a transport it was given open', async () => {
    const armed = armedAt(0, () => undefined);
    const given = newClient({ transport: armed.transport });
    await given.send({ to: ['447700900001'], text: 'x' });
    await given.close();
    expect(armed.closedCount()).toBe(0);
    await armed.realClose();
  });
});

describe('RoutesmsClient: throttling honours Retry-After as given', () => {
  it('a Retry-After longer than the wait budget is thrown at once with retryAfterMs, never cut short', async () => {
    const patient = newClient({ retry: {} });
    try {
      simulator.faults.add({ kind: 'http-status', status: 429, headers: { 'retry-after': '3600' } });
      const before = simulator.requestLog.length;
      const error = await failure(patient.send({ to: ['447700900123'], text: 'x' }));
      expect(error).toMatchObject({ code: 'SMSB_GATEWAY_RATE_LIMITED', outcome: 'not-sent', httpStatus: 429, retryAfterMs: 3_600_000 });
      expect(simulator.requestLog.length - before).toBe(1);
    } finally {
      await patient.close();
    }
  });

  it('a short Retry-After is waited for exactly (on the Clock), then the send is repeated once', async () => {
    const clock = new ManualClock();
    const patient = newClient({ retry: {}, clock });
    try {
      simulator.faults.add({ kind: 'http-status', status: 429, headers: { 'retry-after': '2' } });
      const before = simulator.requestLog.length;
      const sending = patient.send({ to: ['447700900123'], text: 'x' });
      await eventually(() => simulator.requestLog.length - before === 1);
      // Let the 429 come back and the retry wait start.
      await new Promise((resolve) => setTimeout(resolve, 50));
      clock.advance(1_999);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(simulator.requestLog.length - before).toBe(1);
      clock.advance(1);
      const [result] = await sending;
      expect(result).toMatchObject({ accepted: true, state: 'queued' });
      expect(simulator.requestLog.length - before).toBe(2);
    } finally {
      await patient.close();
    }
  });
});

describe('RoutesmsClient: the URL stays within what servers take', () => {
  it('refuses a text that would make the GET URL too long, before any request', async () => {
    const before = simulator.requestLog.length;
    const error = await failure(client.send({ to: ['447700900123'], text: 'a'.repeat(100_000) }));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error.message).toMatch(/request URL would be \d+ characters; Route Mobile takes at most 7000/);
    expect(error.details).toMatchObject({ maxUrlLength: routesms.ROUTESMS_MAX_URL_LENGTH });
    expect(simulator.requestLog.length).toBe(before);
  });

  it('packs destinations comma-separated while the URL fits, and opens a new request when it would not', async () => {
    const text = 'b'.repeat(200);
    const single = client.api.targetLength(client.api.submitRequest({ destinations: ['447700900001'], text, encoding: 'gsm7', source: 'ACME', dlr: false }));
    // Room for exactly two 12-digit destinations (each further one adds %2C and 12 digits).
    const tight = newClient({ maxUrlLength: single + 15 });
    try {
      const before = simulator.requestLog.length;
      const to = ['447700900001', '447700900002', '447700900003', '447700900004', '447700900005'];
      const results = await tight.send({ to, text });
      expect(results.map((r) => r.accepted)).toEqual([true, true, true, true, true]);
      const sent = simulator.requestLog.slice(before);
      expect(sent.map((entry) => entry.query.destination)).toEqual(['447700900001,447700900002', '447700900003,447700900004', '447700900005']);
      for (const entry of sent) expect(routesms.routesmsRequestTargetLength({ method: 'GET', path: entry.path, query: entry.query }, simulator.baseUrl)).toBeLessThanOrEqual(single + 15);
    } finally {
      await tight.close();
    }
  });
});

describe('RoutesmsClient.verify', () => {
  it('is unverifiable, and says why, without sending anything', async () => {
    const before = simulator.requestLog.length;
    const verdict = await client.verify();
    expect(verdict.status).toBe('unverifiable');
    expect(verdict.message).toMatch(/each of them sends an SMS/);
    expect(simulator.requestLog.length).toBe(before);
  });
});
