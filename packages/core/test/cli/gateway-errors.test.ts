import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SendResult } from '../../src/model/send-result';
import type { SimulatorServer } from '../../src/simulator/simulator-server';
import type { GatewayKey } from '../../src/vendors/gateway-client';
import { startSimulators, type MultiSimulator } from '../../src/testing/start-simulators';
import { connectionArgs, runGatewayCommand } from './gateway-run';

const WRONG_PASSWORD = 'Wr0ng-Pa55word!';

describe('smsbridge gateway commands: errors and the password', () => {
  let simulators: MultiSimulator;
  const simulator = (key: GatewayKey) => simulators.get(key)!;

  beforeAll(async () => {
    simulators = await startSimulators(['diafaan', 'routesms', 'jasmin', 'spangw', 'dinstar'], { common: { host: '127.0.0.1' } });
  });
  afterAll(async () => {
    await simulators.stop();
  });

  describe.each(['diafaan', 'routesms', 'jasmin', 'spangw', 'dinstar'] as const)('a wrong password on %s', (key) => {
    it('fails with exit 1 and one stderr line that does not contain the password', async () => {
      const { args } = connectionArgs(simulator(key));
      const result = await runGatewayCommand(['send', ...args, '--password', WRONG_PASSWORD, '--to', '+447700900111', '--text', 'x', '--from', 'Shop', '--best-effort']);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^smsbridge: [^\n]+\n$/);
      expect(result.stderr).not.toContain(WRONG_PASSWORD);
      expect(result.stderr).not.toContain(encodeURIComponent(WRONG_PASSWORD));
    });

    it('keeps the password out of the --debug report (stack, details, causes) too', async () => {
      const { args } = connectionArgs(simulator(key));
      const result = await runGatewayCommand(['--debug', 'send', ...args, '--to', '+447700900111', '--text', 'x', '--from', 'Shop', '--best-effort'], {
        SMSBRIDGE_PASSWORD: WRONG_PASSWORD,
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('code=SMSB_GATEWAY_AUTH');
      expect(result.stderr).not.toContain(WRONG_PASSWORD);
      expect(result.stderr).not.toContain(encodeURIComponent(WRONG_PASSWORD));
    });
  });

  it('routesms carries the password in the query string, yet it never reaches stderr', async () => {
    const { args } = connectionArgs(simulator('routesms'));
    const result = await runGatewayCommand(['--debug', 'send', ...args, '--to', '+447700900111', '--text', 'x', '--from', 'Shop', '--best-effort'], {
      SMSBRIDGE_PASSWORD: WRONG_PASSWORD,
    });
    const request = (simulator('routesms') as unknown as SimulatorServer).requestLog.at(-1)!;
    expect(request.query.password).toBe(WRONG_PASSWORD);
    expect(result.stderr).not.toContain(WRONG_PASSWORD);
  });

  it('takes the password from SMSBRIDGE_PASSWORD, and --password wins over it', async () => {
    const { args, password } = connectionArgs(simulator('jasmin'));
    const fromEnv = await runGatewayCommand(['send', ...args, '--to', '+447700900112', '--text', 'env'], { SMSBRIDGE_PASSWORD: password });
    expect(fromEnv.code).toBe(0);
    const flagWins = await runGatewayCommand(['send', ...args, '--password', password, '--to', '+447700900113', '--text', 'flag'], {
      SMSBRIDGE_PASSWORD: WRONG_PASSWORD,
    });
    expect(flagWins.code).toBe(0);
    expect((JSON.parse(flagWins.stdout) as SendResult[])[0]!.accepted).toBe(true);
    const none = await runGatewayCommand(['send', ...args, '--to', '+447700900114', '--text', 'none']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('"password" (Password) is required');
  });

  describe('usage errors exit 2 and point at the command help', () => {
    const base = () => connectionArgs(simulator('diafaan')).args;

    it.each([
      ['--to', (args: string[]) => ['send', ...args, '--text', 'x'], '--to is required'],
      ['--text', (args: string[]) => ['send', ...args, '--to', '+447700900115'], '--text is required'],
      ['--id', (args: string[]) => ['status', ...args], '--id is required'],
      ['--command', (args: string[]) => ['admin', ...args], '--command is required'],
    ])('missing %s', async (_option, argv, message) => {
      const result = await runGatewayCommand(argv(base()), { SMSBRIDGE_PASSWORD: 'diafaan-admin' });
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      const [first, hint] = result.stderr.split('\n');
      expect(first).toBe(`smsbridge: ${message}`);
      expect(hint).toMatch(/^Run 'smsbridge (send|status|admin) --help' for usage\.$/);
    });

    it('missing --gateway, unknown gateway and missing --url', async () => {
      const noGateway = await runGatewayCommand(['send', '--url', 'http://127.0.0.1:1', '--to', '1', '--text', 'x']);
      expect(noGateway.code).toBe(2);
      expect(noGateway.stderr).toContain('--gateway is required: one of diafaan, routesms, jasmin, spangw, dinstar');
      const unknown = await runGatewayCommand(['send', '--gateway', 'kannel', '--url', 'http://127.0.0.1:1', '--to', '1', '--text', 'x']);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain("unknown gateway 'kannel'");
      const noUrl = await runGatewayCommand(['send', '--gateway', 'diafaan', '--to', '1', '--text', 'x']);
      expect(noUrl.code).toBe(2);
      expect(noUrl.stderr).toContain('--url is required');
    });

    it('a URL with credentials in it is refused without echoing them', async () => {
      const result = await runGatewayCommand(['send', '--gateway', 'diafaan', '--url', `http://admin:${WRONG_PASSWORD}@127.0.0.1:1`, '--to', '1', '--text', 'x']);
      // Checked by the core (the same check as in the hosts): a failure, not a usage error.
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('must not contain credentials');
      expect(result.stderr).not.toContain(WRONG_PASSWORD);
    });

    it('bad option values', async () => {
      // Command-line shape: usage errors (2). Values: read by the core's descriptors, failures (1).
      const cases: [string[], number, string][] = [
        [['--encoding', 'latin1'], 1, '"encoding" takes auto or gsm7 or ucs2'],
        [['--validity', 'soon'], 1, '"validityMinutes" takes an integer from 1 to 635040'],
        [['--schedule', '2026-05-01 09:00'], 1, '"scheduleAt" takes a date and time (ISO 8601 with an offset'],
        [['--param', 'novalue'], 2, '--param takes key=value or key:=json'],
        [['--option', 'ports:=[1,'], 2, '--option ports:=… is not valid JSON'],
        [['--timeout', '0'], 1, '"timeoutMs" takes an integer from 100 to 3600000'],
        [['--insecure', '--ca', '/nonexistent.pem'], 2, 'use either --insecure or --ca'],
        [['--ca', '/nonexistent/ca.pem'], 2, "cannot read --ca file '/nonexistent/ca.pem' (ENOENT)"],
        [['--colour'], 2, "unknown option '--colour'"],
      ];
      for (const [extra, code, message] of cases) {
        const result = await runGatewayCommand(['send', ...base(), '--to', '+447700900116', '--text', 'x', ...extra]);
        expect({ extra, code: result.code }).toEqual({ extra, code });
        expect(result.stderr).toContain(message);
      }
    });
  });

  it('an unreachable gateway is a failure (exit 1), not a usage error', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const result = await runGatewayCommand(['status', '--gateway', 'diafaan', '--url', `http://127.0.0.1:${port}`, '--id', 'x', '--timeout', '2000'], {
      SMSBRIDGE_PASSWORD: WRONG_PASSWORD,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^smsbridge: [^\n]+\n$/);
    expect(result.stderr).not.toContain(WRONG_PASSWORD);
  });

  it('a two-digit destination is refused by the core before anything is sent', async () => {
    const { args, password } = connectionArgs(simulator('diafaan'));
    const before = (simulator('diafaan') as unknown as SimulatorServer).requestsReceived;
    const result = await runGatewayCommand(['send', ...args, '--to', '+447700900117,12', '--text', 'x'], { SMSBRIDGE_PASSWORD: password });
    expect(result).toEqual({ code: 1, stdout: '', stderr: 'smsbridge: "12" is too short to be a phone number or a short code.\n' });
    expect((simulator('diafaan') as unknown as SimulatorServer).requestsReceived).toBe(before);
  });

  it('a number that is no phone number fails before anything is sent', async () => {
    const { args, password } = connectionArgs(simulator('jasmin'));
    const before = (simulator('jasmin') as unknown as SimulatorServer).requestLog.length;
    const result = await runGatewayCommand(['send', ...args, '--to', '+447700900118,not-a-number', '--text', 'x'], { SMSBRIDGE_PASSWORD: password });
    expect(result).toEqual({ code: 1, stdout: '', stderr: expect.stringMatching(/^smsbridge: "not-a-number" is not a phone number[^\n]*\n$/) });
    expect((simulator('jasmin') as unknown as SimulatorServer).requestLog.length).toBe(before);
  });

  it('--help prints the usage with the gateway options', async () => {
    for (const command of ['send', 'status', 'inbox', 'ussd', 'admin']) {
      const result = await runGatewayCommand([command, '--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`Usage: smsbridge ${command} --gateway <key> --url <base>`);
      expect(result.stdout).toContain('SMSBRIDGE_PASSWORD');
    }
  });
});
