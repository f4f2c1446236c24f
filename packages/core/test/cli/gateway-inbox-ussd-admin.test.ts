import type { InboundMessage } from '../../src/model/inbound-message';
import type { UssdExchange } from '../../src/model/ussd-exchange';
import type { AdminCommandResult } from '../../src/model/admin-command';
import type { SimulatedInbound } from '../../src/simulator/simulated-network';
import type { SimulatorServer } from '../../src/simulator/simulator-server';
import type { GatewayKey } from '../../src/vendors/gateway-client';
import { startSimulators, type MultiSimulator } from '../../src/testing/start-simulators';
import { connectionArgs, runGatewayCommand } from './gateway-run';

describe('smsbridge inbox / ussd / admin against the simulators', () => {
  let simulators: MultiSimulator;
  const simulator = (key: GatewayKey) => simulators.get(key)!;

  beforeAll(async () => {
    simulators = await startSimulators(['diafaan', 'routesms', 'jasmin', 'spangw', 'dinstar'], { common: { host: '127.0.0.1' } });
  });
  afterAll(async () => {
    await simulators.stop();
  });

  async function run(command: string, key: GatewayKey, extra: string[]) {
    const { args, password } = connectionArgs(simulator(key));
    return runGatewayCommand([command, ...args, ...extra], { SMSBRIDGE_PASSWORD: password });
  }

  describe('inbox', () => {
    it('diafaan: returns an injected SMS with a cursor, and nothing new on the next poll', async () => {
      simulator('diafaan').network.injectInbound({ from: '+447700900900', to: '+447700900001', text: 'Reply STOP to opt out' });
      const first = await run('inbox', 'diafaan', []);
      expect(first.stderr).toBe('');
      expect(first.code).toBe(0);
      const page = JSON.parse(first.stdout) as { messages: InboundMessage[]; cursor: string };
      expect(page.messages).toHaveLength(1);
      expect(page.messages[0]).toMatchObject({ from: '+447700900900', text: 'Reply STOP to opt out', gateway: 'diafaan' });
      expect(typeof page.cursor).toBe('string');

      const second = JSON.parse((await run('inbox', 'diafaan', ['--cursor', page.cursor])).stdout) as { messages: InboundMessage[]; cursor: string };
      expect(second.messages).toEqual([]);
    });

    it('diafaan: the cursor skips a message the server failed to remove', async () => {
      // Diafaan's remove=1 did not always remove: the same message may be listed again.
      simulator('diafaan').network.injectInbound({ from: '+447700900901', text: 'first' });
      const first = JSON.parse((await run('inbox', 'diafaan', [])).stdout) as { messages: InboundMessage[]; cursor: string };
      // Earlier tests' messages stay on the server (a plain poll removes nothing): look at this test's own.
      expect(first.messages.map((message) => message.text).filter((text) => ['first', 'again', 'second'].includes(text))).toEqual(['first']);
      simulator('diafaan').network.injectInbound({ from: '+447700900901', text: 'again', id: first.messages[0]!.id });
      simulator('diafaan').network.injectInbound({ from: '+447700900902', text: 'second' });
      const next = JSON.parse((await run('inbox', 'diafaan', ['--cursor', first.cursor])).stdout) as { messages: InboundMessage[] };
      expect(next.messages.map((message) => message.text).filter((text) => ['first', 'again', 'second'].includes(text))).toEqual(['second']);
    });

    it('diafaan: a plain poll removes nothing; --ack removes what was handed out', async () => {
      simulator('diafaan').network.injectInbound({ from: '+447700900903', text: 'ack me' });
      const kept = JSON.parse((await run('inbox', 'diafaan', [])).stdout) as { messages: InboundMessage[] };
      expect(kept.messages.map((message) => message.text)).toContain('ack me');
      const acked = JSON.parse((await run('inbox', 'diafaan', ['--ack'])).stdout) as { messages: InboundMessage[] };
      expect(acked.messages.map((message) => message.text)).toContain('ack me');
      // Acknowledged: gone from the server, so even a poll without a cursor does not see it again.
      const after = JSON.parse((await run('inbox', 'diafaan', [])).stdout) as { messages: InboundMessage[] };
      expect(after.messages.map((message) => message.text)).not.toContain('ack me');
    });

    it('routesms: inbox is unsupported and the error names the gateways that have one', async () => {
      const result = await run('inbox', 'routesms', []);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('smsbridge: the routesms gateway has no inbox operation: inbox is supported by diafaan, dinstar');
      expect(result.stderr).toContain("Run 'smsbridge inbox --help' for usage.");
    });
  });

  describe('ussd', () => {
    it('diafaan: the request is accepted as pending and the reply arrives in the inbox', async () => {
      const arrived = new Promise<SimulatedInbound>((resolve) => {
        const listener = (message: SimulatedInbound) => {
          if (message.from !== '*100#') return;
          simulator('diafaan').network.off('inbound', listener);
          resolve(message);
        };
        simulator('diafaan').network.on('inbound', listener);
      });
      const result = await run('ussd', 'diafaan', ['--code', '*100#']);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const exchange = JSON.parse(result.stdout) as UssdExchange;
      expect(exchange).toMatchObject({ code: '*100#', state: 'pending', awaitingInput: false, gateway: 'diafaan' });
      const log = (simulator('diafaan') as unknown as SimulatorServer).requestLog.at(-1)!;
      expect(log.form).toMatchObject({ to: '*100#', 'message-type': 'gsm.ussd' });

      await arrived;
      const page = JSON.parse((await run('inbox', 'diafaan', [])).stdout) as { messages: InboundMessage[] };
      expect(page.messages.find((message) => message.from === '*100#')?.text).toContain('Your balance is 10.00 EUR');
    });

    it('dinstar: waits for the reply on the chosen port', async () => {
      const result = await run('ussd', 'dinstar', ['--code', '*100#', '--port', '0']);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const exchange = JSON.parse(result.stdout) as UssdExchange;
      expect(exchange).toMatchObject({ code: '*100#', port: 0, state: 'replied', gateway: 'dinstar' });
      expect(exchange.reply).toContain('Your balance is 10.00 EUR');
    });

    it('a missing --code is a usage error', async () => {
      const result = await run('ussd', 'dinstar', []);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('smsbridge: --code is required');
    });

    it('jasmin: ussd is unsupported', async () => {
      const result = await run('ussd', 'jasmin', ['--code', '*100#']);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('the jasmin gateway has no ussd operation: ussd is supported by diafaan, dinstar');
    });
  });

  describe('admin', () => {
    it('diafaan: request-server-status lists the gateways', async () => {
      const result = await run('admin', 'diafaan', ['--command', 'request-server-status']);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const answer = JSON.parse(result.stdout) as AdminCommandResult;
      expect(answer).toMatchObject({ command: 'request-server-status', ok: true, gateway: 'diafaan' });
      expect(Array.isArray(answer.data.gateways)).toBe(true);
      expect((answer.data.gateways as unknown[]).length).toBeGreaterThan(0);
    });

    it('jasmin: balance and rate with --arg', async () => {
      const balance = JSON.parse((await run('admin', 'jasmin', ['--command', 'balance'])).stdout) as AdminCommandResult;
      expect(balance).toMatchObject({ command: 'balance', ok: true, gateway: 'jasmin' });
      const rate = await run('admin', 'jasmin', ['--command', 'rate', '--arg', 'to=447700900301', '--arg', 'text=Hello']);
      expect(rate.stderr).toBe('');
      expect(JSON.parse(rate.stdout) as AdminCommandResult).toMatchObject({ command: 'rate', ok: true });
    });

    it('dinstar: port-info with a JSON list argument', async () => {
      const result = await run('admin', 'dinstar', ['--command', 'port-info', '--arg', 'ports:=[0]', '--pretty']);
      expect(result.stderr).toBe('');
      expect(result.stdout).toContain('\n  "command": "port-info"');
      const answer = JSON.parse(result.stdout) as AdminCommandResult;
      expect((answer.data.ports as { port: number }[]).map((info) => info.port)).toEqual([0]);
    });

    it("a command the vendor does not know fails with the vendor's list of commands", async () => {
      const result = await run('admin', 'jasmin', ['--command', 'reboot']);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe('smsbridge: "reboot" is not a Jasmin SMS Gateway REST API (Direct7 legacy REST) command: use balance, rate, ping.\n');
    });

    it('routesms: admin is unsupported', async () => {
      const result = await run('admin', 'routesms', ['--command', 'balance']);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('the routesms gateway has no admin operation: admin is supported by diafaan, jasmin, spangw, dinstar');
    });
  });
});
