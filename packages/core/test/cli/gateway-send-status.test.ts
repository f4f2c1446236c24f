import type { SimulatorOptions } from '../../src/simulator/gateway-simulator';
import type { SimulatorServer } from '../../src/simulator/simulator-server';
import { startSimulators, type MultiSimulator } from '../../src/testing/start-simulators';
import type { GatewayKey } from '../../src/vendors/gateway-client';
import type { SendResult } from '../../src/model/send-result';
import type { DeliveryStatus } from '../../src/model/delivery-status';
import { connectionArgs, runGatewayCommand, untilMessageState } from './gateway-run';

describe('smsbridge send / status against the simulators', () => {
  let simulators: MultiSimulator;
  const simulator = (key: GatewayKey) => simulators.get(key)!;

  beforeAll(async () => {
    simulators = await startSimulators(['diafaan', 'routesms', 'jasmin', 'spangw', 'dinstar'], {
      common: { host: '127.0.0.1' },
      // Dinstar boxes differ in their auth scheme; this one takes both, so --option authScheme=basic can be seen working.
      perGateway: { dinstar: { authScheme: 'either' } as SimulatorOptions },
    });
  });
  afterAll(async () => {
    await simulators.stop();
  });

  /** Sends with the password from SMSBRIDGE_PASSWORD, as a user would. */
  async function send(key: GatewayKey, extra: string[]) {
    const { args, password } = connectionArgs(simulator(key));
    const result = await runGatewayCommand(['send', ...args, ...extra], { SMSBRIDGE_PASSWORD: password });
    return { ...result, password };
  }

  async function status(key: GatewayKey, id: string) {
    const { args, password } = connectionArgs(simulator(key));
    return runGatewayCommand(['status', ...args, '--id', id], { SMSBRIDGE_PASSWORD: password });
  }

  it('diafaan: sends to a comma list and follows one message to delivered', async () => {
    const sent = await send('diafaan', ['--to', '+447700900101,+447700900102', '--text', 'Hello from the CLI']);
    expect(sent.stderr).toBe('');
    expect(sent.code).toBe(0);
    const results = JSON.parse(sent.stdout) as SendResult[];
    expect(results.map((result) => [result.to, result.accepted, result.parts, result.encoding, result.gateway])).toEqual([
      ['+447700900101', true, 1, 'gsm7', 'diafaan'],
      ['+447700900102', true, 1, 'gsm7', 'diafaan'],
    ]);
    expect(results[0]!.messageId).toMatch(/^[0-9a-f-]{36}$/i);
    expect(sent.stdout).not.toContain(sent.password);

    await untilMessageState(simulator('diafaan'), '447700900101', 'delivered');
    const asked = await status('diafaan', results[0]!.messageId!);
    expect(asked.code).toBe(0);
    expect(JSON.parse(asked.stdout) as DeliveryStatus).toMatchObject({ state: 'delivered', messageId: results[0]!.messageId, gateway: 'diafaan' });
  });

  it('diafaan: --encoding ucs2 and --flash reach the gateway as the right message type', async () => {
    const unicode = JSON.parse((await send('diafaan', ['--to', '+447700900103', '--text', 'Grüße', '--encoding', 'ucs2'])).stdout) as SendResult[];
    expect(unicode[0]).toMatchObject({ accepted: true, encoding: 'ucs2' });
    const flash = await send('diafaan', ['--to', '+447700900104', '--text', 'Now', '--flash']);
    expect(flash.code).toBe(0);
    const log = (simulator('diafaan') as unknown as SimulatorServer).requestLog.filter((entry) => entry.path === '/http/send-message');
    expect(log.at(-2)!.form['message-type']).toBe('sms.unicode');
    expect(log.at(-1)!.form['message-type']).toBe('sms.text.flash');
  });

  it('diafaan: --validity, --schedule, --from and a JSON --param reach the gateway', async () => {
    // Within a day: the simulated network holds scheduled messages with one timer (max ~24.8 days).
    const inOneDay = new Date(Date.now() + 86_400_000).toISOString().replace(/\.\d+Z$/, '+00:00');
    const sent = await send('diafaan', [
      '--to', '+447700900105', '--text', 'Later', '--from', 'Shop',
      '--validity', '90', '--schedule', inOneDay, '--param', 'priority:=3',
    ]);
    expect(sent.stderr).toBe('');
    expect(sent.code).toBe(0);
    const form = (simulator('diafaan') as unknown as SimulatorServer).requestLog.at(-1)!.form;
    expect(form).toMatchObject({ from: 'Shop', 'validity-period': '5400', priority: '3' });
    expect(new Date(form['scheduled']!).getTime()).toBe(new Date(inOneDay).getTime());
  });

  it('diafaan: a message that fails on the network reads as failed through status', async () => {
    const sent = JSON.parse((await send('diafaan', ['--to', '+447700900666', '--text', 'doomed'])).stdout) as SendResult[];
    await untilMessageState(simulator('diafaan'), '447700900666', 'failed');
    const asked = JSON.parse((await status('diafaan', sent[0]!.messageId!)).stdout) as DeliveryStatus;
    expect(asked.state).toBe('failed');
  });

  it('routesms: sends with --from and passes --param through; status names the gateways that have it', async () => {
    const sent = await send('routesms', ['--to', '+447700900201', '--text', 'Route', '--from', 'MyShop', '--param', 'entityid=1201159', '--status-report']);
    expect(sent.stderr).toBe('');
    expect(sent.code).toBe(0);
    const results = JSON.parse(sent.stdout) as SendResult[];
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ accepted: true, gateway: 'routesms', parts: 1 });
    expect(results[0]!.messageId).toBeTruthy();
    const request = (simulator('routesms') as unknown as SimulatorServer).requestLog.at(-1)!;
    expect(request.query).toMatchObject({ source: 'MyShop', entityid: '1201159' });
    expect(sent.stdout).not.toContain(sent.password);

    const asked = await status('routesms', results[0]!.messageId!);
    expect(asked.code).toBe(2);
    expect(asked.stdout).toBe('');
    expect(asked.stderr.split('\n')[0]).toBe('smsbridge: the routesms gateway has no status operation: status is supported by diafaan, spangw, dinstar, modembridge');
  });

  it('routesms: a sender is required by the vendor, and the CLI says so', async () => {
    const sent = await send('routesms', ['--to', '+447700900202', '--text', 'no sender']);
    expect(sent.code).toBe(1);
    expect(sent.stderr).toMatch(/^smsbridge: Route Mobile needs a sender/);
  });

  it('jasmin: sends, and status is refused as unsupported before anything is sent', async () => {
    const sent = await send('jasmin', ['--to', '+447700900301', '--text', 'Jasmin says hi']);
    expect(sent.stderr).toBe('');
    expect(sent.code).toBe(0);
    const results = JSON.parse(sent.stdout) as SendResult[];
    expect(results[0]).toMatchObject({ to: expect.stringContaining('447700900301'), accepted: true, gateway: 'jasmin' });
    const before = (simulator('jasmin') as unknown as SimulatorServer).requestLog.length;
    const asked = await status('jasmin', results[0]!.messageId!);
    expect(asked.code).toBe(2);
    expect(asked.stderr).toContain('the jasmin gateway has no status operation');
    expect((simulator('jasmin') as unknown as SimulatorServer).requestLog.length).toBe(before);
  });

  it('spangw: sends and follows the message to delivered', async () => {
    const sent = await send('spangw', ['--to', '+447700900401', '--text', 'Span']);
    expect(sent.stderr).toBe('');
    expect(sent.code).toBe(0);
    const results = JSON.parse(sent.stdout) as SendResult[];
    expect(results[0]).toMatchObject({ accepted: true, gateway: 'spangw' });
    await untilMessageState(simulator('spangw'), '447700900401', 'delivered');
    const asked = await status('spangw', results[0]!.messageId!);
    expect(asked.stderr).toBe('');
    expect(JSON.parse(asked.stdout) as DeliveryStatus).toMatchObject({ state: 'delivered', gateway: 'spangw' });
  });

  it('dinstar: --option authScheme=basic switches the client to Basic auth, --param ports:=[…] picks the port', async () => {
    const sent = await send('dinstar', ['--to', '+447700900502', '--text', 'Basic', '--option', 'authScheme=basic', '--param', 'ports:=[0]']);
    expect(sent.stderr).toBe('');
    expect(sent.code).toBe(0);
    const request = (simulator('dinstar') as unknown as SimulatorServer).requestLog.filter((entry) => entry.path.endsWith('/send_sms')).at(-1)!;
    expect(request.headers.authorization).toMatch(/^Basic /);
    expect(JSON.parse(request.body)).toMatchObject({ param: [expect.objectContaining({ number: expect.stringContaining('447700900502') })] });
    expect(JSON.stringify(JSON.parse(request.body))).toMatch(/"port":\[0\]/);
  });

  it('dinstar: sends and follows the message to delivered', async () => {
    const sent = await send('dinstar', ['--to', '+447700900501', '--text', 'Dinstar']);
    expect(sent.stderr).toBe('');
    expect(sent.code).toBe(0);
    const results = JSON.parse(sent.stdout) as SendResult[];
    expect(results[0]).toMatchObject({ accepted: true, gateway: 'dinstar' });
    await untilMessageState(simulator('dinstar'), '447700900501', 'delivered');
    const asked = await status('dinstar', results[0]!.messageId!);
    expect(asked.stderr).toBe('');
    expect(JSON.parse(asked.stdout) as DeliveryStatus).toMatchObject({ state: 'delivered', messageId: results[0]!.messageId, gateway: 'dinstar' });
  });
});
