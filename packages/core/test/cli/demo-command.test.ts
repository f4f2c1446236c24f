import type { SendResult } from '../../src/model/send-result';
import type { GatewayKey } from '../../src/vendors/gateway-client';
import { createVendorRegistry } from '../../src/vendors/registry';
import { SIMULATED_GATEWAYS } from '../../src/testing/simulator-catalog';
import { startSimulators } from '../../src/testing/start-simulators';
import { pollUntil, withinDeadline } from '../../src/cli/demo/bounded-wait';
import { DemoTimeoutError } from '../../src/cli/demo/demo-timeout-error';
import { demoModem } from '../../src/cli/demo/demo-samples';
import { systemClock } from '../../src/clock/clock';
import { runCommand } from './run-command';

const gatewayKeys = SIMULATED_GATEWAYS;

/** The passwords the simulators accept: the demo uses them and must never print them. */
async function simulatorPasswords(): Promise<string[]> {
  const simulators = await startSimulators(gatewayKeys);
  try {
    return simulators.describe().map(({ credentials }) => credentials.password ?? '').filter((password) => password !== '');
  } finally {
    await simulators.stop();
  }
}

/** Network handles (servers, sockets) the process holds, to compare before and after a run. */
function networkHandles(): string[] {
  return process.getActiveResourcesInfo().filter((kind) => /TCP|UDP|Pipe|HTTP/i.test(kind) && kind !== 'PipeWrap');
}

/** Closed servers leave the handle list a few turns after their close callbacks ran: wait up to ~200 ms for `expected`. */
async function networkHandlesSettle(expected: string[]): Promise<string[]> {
  for (let i = 0; i < 40 && networkHandles().join() !== expected.join(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  return networkHandles();
}

describe('smsbridge demo', () => {
  let passwords: string[];
  beforeAll(async () => {
    passwords = await simulatorPasswords();
    expect(passwords.length).toBeGreaterThanOrEqual(gatewayKeys.length);
  });

  it('walks through codec, gateways and modem in prose, exits 0 and leaves nothing open', async () => {
    const before = await networkHandlesSettle([]);
    const { code, stdout, stderr } = await runCommand(['demo']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });

    expect(stdout).toContain('Codec: how a text becomes SMS parts and PDUs');
    expect(stdout).toContain('reassembled text matches the original');

    // Every gateway accepted both texts and saw both delivered (a status poll or a pushed DLR).
    for (const gateway of gatewayKeys) {
      const sendRows = stdout.split('\n').filter((line) => new RegExp(`^  ${gateway} +\\S+ \\([AB]\\) +yes +\\d +(gsm7|ucs2) +queued `).test(line));
      expect(sendRows).toHaveLength(2);
      const deliveryRows = stdout.split('\n').filter((line) => new RegExp(`^  ${gateway} .*(status\\(\\) poll|pushed DLR).* → delivered$`).test(line));
      expect(deliveryRows).toHaveLength(2);
    }
    expect(stdout).toMatch(/^ {2}routesms .* pushed DLR /m);
    expect(stdout).toMatch(/^ {2}jasmin .* pushed DLR /m);
    expect(stdout).toContain('from +447700900555 on GSM Modem Gateway: "Hi, is my order on its way?"');
    expect(stdout).toMatch(/GatewayAuthError, code SMSB_GATEWAY_AUTH, not retryable/);
    expect(stdout).toContain('not in the message or the details');

    expect(stdout).toContain('SIMCOM_Ltd SIMCOM_SIM800L');
    expect(stdout).toMatch(/^ {2}2 +2\/2 +\d+ +0 +delivered$/m);
    expect(stdout).toContain(`from ${demoModem.inbound.from}: ${JSON.stringify(demoModem.inbound.text)}`);
    expect(stdout).toContain('reply: "Balance: 12.50 EUR');

    for (const password of passwords) expect(stdout).not.toContain(password);
    expect(stdout).not.toContain('Error:');

    expect(await networkHandlesSettle(before)).toEqual(before);
  }, 30_000);

  it('prints one JSON document with --json: every send accepted and delivered, the modem message reassembled', async () => {
    const { code, stdout, stderr } = await runCommand(['demo', '--json']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const document = JSON.parse(stdout);
    expect(Object.keys(document)).toEqual(['codec', 'gateways', 'modem']);

    const { gateways } = document;
    expect(gateways.gateways.map((entry: { gateway: string }) => entry.gateway)).toEqual(gatewayKeys);
    const sent = gateways.sent as SendResult[];
    for (const gateway of gatewayKeys) {
      const results = sent.filter((result) => result.gateway === gateway);
      expect(results.map(({ accepted, encoding, parts }) => ({ accepted, encoding, parts }))).toEqual([
        { accepted: true, encoding: 'gsm7', parts: 1 },
        { accepted: true, encoding: 'ucs2', parts: 2 },
      ]);
    }
    expect(gateways.deliveries).toHaveLength(sent.length);
    for (const delivery of gateways.deliveries) {
      expect(delivery.final).toMatchObject({ state: 'delivered', messageId: delivery.messageId });
      expect(delivery.via).toBe((['routesms', 'jasmin'] as GatewayKey[]).includes(delivery.gateway) ? 'push' : 'status');
    }
    expect(gateways.inbound.read).toEqual([expect.objectContaining({ from: '+447700900555', text: 'Hi, is my order on its way?' })]);
    expect(gateways.wrongPassword).toMatchObject({ code: 'SMSB_GATEWAY_AUTH', retryable: false, passwordShown: false });

    const { modem } = document;
    expect(modem.info.imei).toMatch(/^\d{15}$/);
    expect(modem.sent.result).toMatchObject({ accepted: true, encoding: 'ucs2' });
    expect(modem.sent.result.parts).toBeGreaterThan(1);
    expect(modem.sent.reports).toHaveLength(modem.sent.result.parts);
    for (const report of modem.sent.reports) expect(report).toMatchObject({ state: 'delivered', messageId: modem.sent.result.messageId });
    expect(modem.received.message.text).toBe(demoModem.inbound.text);
    expect(modem.received.message.raw.concat).toMatchObject({ total: 2 });
    expect(modem.ussd).toMatchObject({ code: demoModem.ussdCode, state: 'replied' });

    for (const password of passwords) expect(stdout).not.toContain(password);
  }, 30_000);

  it('runs only the chosen sections, in their usual order', async () => {
    const { code, stdout } = await runCommand(['demo', '--json', '--section', 'modem', '--section', 'codec']);
    expect(code).toBe(0);
    expect(Object.keys(JSON.parse(stdout))).toEqual(['codec', 'modem']);

    const prose = await runCommand(['demo', '--section', 'codec']);
    expect(prose.code).toBe(0);
    expect(prose.stdout).toContain('== 1/1 Codec');
    expect(prose.stdout).not.toContain('Gateways');
  }, 30_000);

  it('answers an unknown section or an extra argument with exit 2', async () => {
    const unknown = await runCommand(['demo', '--section', 'radio']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--section must be one of codec, gateways, modem');
    expect((await runCommand(['demo', 'extra'])).code).toBe(2);
  });
});

describe('the demo\'s bounded waits', () => {
  it('give up with a typed, readable error instead of hanging', async () => {
    const never = new Promise<never>(() => undefined);
    const late = withinDeadline(never, 'the never-arriving report', 20, systemClock);
    await expect(late).rejects.toBeInstanceOf(DemoTimeoutError);
    await expect(late).rejects.toMatchObject({ code: 'SMSB_DEMO_TIMEOUT', message: 'the demo gave up after 0.02 s waiting for the never-arriving report' });

    const polled = pollUntil(async () => 'queued', (state) => state === 'delivered', { what: 'delivery', intervalMs: 5, timeoutMs: 30, clock: systemClock });
    await expect(polled).rejects.toMatchObject({ code: 'SMSB_DEMO_TIMEOUT', details: { waitingFor: 'delivery', timeoutMs: 30 } });
  });

  it('return every polled answer up to the one that is done', async () => {
    const answers = ['queued', 'sent', 'delivered', 'never read'];
    let next = 0;
    const seen = await pollUntil(async () => answers[next++]!, (state) => state === 'delivered', { what: 'delivery', intervalMs: 1, timeoutMs: 1000, clock: systemClock });
    expect(seen).toEqual(['queued', 'sent', 'delivered']);
  });
});
