import { AtEngine, type ModemHealth } from '../../src/modem/at/at-engine';
import type { UnsolicitedLine } from '../../src/modem/at/unsolicited-router';
import { ModemCommandError, ModemTimeoutError, ModemUnavailableError } from '../../src/modem/modem-errors';
import { ManualClock } from '../../src/testing/manual-clock';
import { ScriptedTransport } from './helpers/scripted-transport';

/** Engine on a scripted transport whose modem answers `replies[command]` to each written command. */
function setUp(replies: Record<string, string> = {}) {
  const clock = new ManualClock(0);
  const transport = new ScriptedTransport((written, t) => {
    const reply = replies[written.replace(/\r$/, '')];
    if (reply !== undefined) t.push(reply);
  });
  transport.isOpen = true;
  const health: ModemHealth[] = [];
  const engine = new AtEngine(transport, { clock, defaultTimeoutMs: 1000, onHealth: (h) => health.push(h) });
  const urcs: UnsolicitedLine[] = [];
  engine.unsolicited.onAny((urc) => urcs.push(urc));
  return { clock, transport, engine, urcs, health };
}

describe('AtEngine', () => {
  it('returns information lines and the final result', async () => {
    const { engine, clock } = setUp({ 'AT+CGMI': '\r\nQuectel\r\n\r\nOK\r\n' });
    await expect(engine.run('AT+CGMI')).resolves.toEqual({ command: 'AT+CGMI', lines: ['Quectel'], final: 'OK' });
    expect(clock.pendingTimers).toBe(0);
  });

  it('drops the echo of the command', async () => {
    const { engine } = setUp({ 'AT+CSQ': 'AT+CSQ\r\r\n+CSQ: 21,99\r\n\r\nOK\r\n' });
    await expect(engine.run('AT+CSQ')).resolves.toMatchObject({ lines: ['+CSQ: 21,99'] });
  });

  it('keeps one command in flight', async () => {
    const { engine, transport } = setUp();
    const first = engine.run('AT+CGMM');
    const second = engine.run('AT+CGMR');
    expect(transport.writes).toEqual(['AT+CGMM\r']);
    transport.push('\r\nEC25\r\n\r\nOK\r\n');
    await expect(first).resolves.toMatchObject({ lines: ['EC25'] });
    expect(transport.writes).toEqual(['AT+CGMM\r', 'AT+CGMR\r']);
    transport.push('\r\nEC25EFAR06A03M4G\r\n\r\nOK\r\n');
    await expect(second).resolves.toMatchObject({ lines: ['EC25EFAR06A03M4G'] });
  });

  it.each([
    ['+CMS ERROR: 330', 'cms', 330, 'SMSC address unknown', false],
    ['+CMS ERROR: 332', 'cms', 332, 'network timeout', true],
    ['+CMS ERROR: 530', 'cms', 530, 'manufacturer-specific error', false],
    ['+CME ERROR: 10', 'cme', 10, 'SIM not inserted', false],
    ['+CME ERROR: SIM not inserted', 'cme', 10, 'SIM not inserted', false],
    ['+CME ERROR: SIM busy', 'cme', 14, 'SIM busy', true],
    ['+CME ERROR: some vendor text', 'cme', undefined, 'some vendor text', false],
    ['ERROR', 'plain', undefined, 'ERROR', false],
    ['NO CARRIER', 'plain', undefined, 'no carrier', false],
  ])('classifies %s', async (final, family, code, meaning, retryable) => {
    const { engine } = setUp({ 'AT+CMGS=20': `\r\n${final}\r\n` });
    const error = await engine.run('AT+CMGS=20').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModemCommandError);
    expect(error).toMatchObject({ code: 'SMSB_MODEM_COMMAND', family, errorCode: code, meaning, retryable });
  });

  it.each([['\r\n> '], ['\n>'], ['>'], ['\r\n>'], ['> ']])('answers the prompt %j with payload and Ctrl-Z', async (prompt) => {
    const { engine, transport } = setUp();
    const sending = engine.run('AT+CMGS=17', { payload: '0011000B916407281553F80000AA0AE8329BFD4697D9EC37' });
    transport.push(prompt);
    expect(transport.writes[1]).toBe('0011000B916407281553F80000AA0AE8329BFD4697D9EC37\x1a');
    transport.push('\r\n+CMGS: 7\r\n\r\nOK\r\n');
    await expect(sending).resolves.toMatchObject({ lines: ['+CMGS: 7'] });
  });

  it('fails the send cleanly when the modem answers ERROR instead of a prompt', async () => {
    const { engine, transport } = setUp();
    const sending = engine.run('AT+CMGS=17', { payload: '00' });
    transport.push('\r\n+CMS ERROR: 304\r\n');
    await expect(sending).rejects.toMatchObject({ errorCode: 304 });
    expect(transport.writes).toEqual(['AT+CMGS=17\r']);
  });

  it('routes URCs arriving in the middle of a response without corrupting it', async () => {
    const { engine, transport, urcs } = setUp();
    const listing = engine.run('AT+CMGL=4');
    transport.push('\r\n+CMGL: 1,1,,24\r\n+CMTI: "SM",3\r\n07911326040000F0040B911346610089F60000208062917314080CC8F71D14969741F977FD07\r\n');
    transport.push('RING\r\n+CMT: ,24\r\n0791\r\n+CREG: 1\r\n\r\nOK\r\n');
    await expect(listing).resolves.toMatchObject({
      lines: ['+CMGL: 1,1,,24', '07911326040000F0040B911346610089F60000208062917314080CC8F71D14969741F977FD07'],
    });
    expect(urcs).toEqual([
      { name: '+CMTI', line: '+CMTI: "SM",3' },
      { name: 'RING', line: 'RING' },
      { name: '+CMT', line: '+CMT: ,24', body: '0791' },
      { name: '+CREG', line: '+CREG: 1' },
    ]);
  });

  it('reads +CREG: as the response while AT+CREG? is in flight and as a URC otherwise', async () => {
    const { engine, transport, urcs } = setUp();
    const query = engine.run('AT+CREG?');
    transport.push('\r\n+CREG: 2,1,"84CD","00D30156"\r\n\r\nOK\r\n');
    await expect(query).resolves.toMatchObject({ lines: ['+CREG: 2,1,"84CD","00D30156"'] });
    const other = engine.run('AT+CSQ');
    transport.push('\r\n+CREG: 1,"84CD","00D30156"\r\n+CSQ: 12,99\r\nOK\r\n');
    await expect(other).resolves.toMatchObject({ lines: ['+CSQ: 12,99'] });
    expect(urcs).toEqual([{ name: '+CREG', line: '+CREG: 1,"84CD","00D30156"' }]);
  });

  it('treats +CUSD as unsolicited even during AT+CUSD=1, before or after OK', async () => {
    const { engine, transport, urcs } = setUp();
    const ussd = engine.run('AT+CUSD=1,"*100#",15');
    transport.push('\r\n+CUSD: 0,"Balance 5.00",15\r\n\r\nOK\r\n');
    await expect(ussd).resolves.toMatchObject({ lines: [] });
    expect(urcs.map((u) => u.name)).toEqual(['+CUSD']);
  });

  it('routes a PDU-mode two-line +CDS and a one-line text-mode +CDS', async () => {
    const { transport, urcs } = setUp();
    transport.push('\r\n+CDS: 25\r\n0791198955440000060E0B914487214365F7\r\n+CDS: 6,46,"+31628870634",145,"20/01/01,00:00:00+04","20/01/01,00:00:05+04",0\r\n');
    expect(urcs).toEqual([
      { name: '+CDS', line: '+CDS: 25', body: '0791198955440000060E0B914487214365F7' },
      { name: '+CDS', line: '+CDS: 6,46,"+31628870634",145,"20/01/01,00:00:00+04","20/01/01,00:00:05+04",0' },
    ]);
  });

  it('gives the same result for every split of the byte stream', async () => {
    const stream = 'AT+CMGS=17\r\r\n+CMTI: "SM",3\r\n> 0011\x1a\r\n+CDS: 6\r\n0791AA\r\n+CMGS: 7\r\n\r\nOK\r\n';
    const expectedUrcs = [
      { name: '+CMTI', line: '+CMTI: "SM",3' },
      { name: '+CDS', line: '+CDS: 6', body: '0791AA' },
    ];
    const splits = [...Array(stream.length - 1).keys()].map((i) => [stream.slice(0, i + 1), stream.slice(i + 1)]);
    splits.push([...stream]); // byte by byte
    for (const chunks of splits) {
      const { engine, transport, urcs } = setUp();
      const sending = engine.run('AT+CMGS=17', { payload: '0011' });
      for (const chunk of chunks) transport.push(chunk);
      await expect(sending).resolves.toEqual({ command: 'AT+CMGS=17', lines: ['+CMGS: 7'], final: 'OK' });
      expect(transport.writes).toEqual(['AT+CMGS=17\r', '0011\x1a']);
      expect(urcs).toEqual(expectedUrcs);
    }
  });

  it('times out, reports the health and carries on with the next command', async () => {
    const { engine, transport, clock, health } = setUp();
    const silent = engine.run('AT+COPS?', { timeoutMs: 5000 });
    const next = engine.run('AT');
    clock.advance(4999);
    expect(transport.writes).toEqual(['AT+COPS?\r']);
    clock.advance(1);
    await expect(silent).rejects.toBeInstanceOf(ModemTimeoutError);
    expect(engine.health).toBe('unresponsive');
    expect(transport.writes).toEqual(['AT+COPS?\r']); // settling before the next command
    clock.advance(250);
    expect(transport.writes).toEqual(['AT+COPS?\r', 'AT\r']);
    transport.push('\r\nOK\r\n');
    await expect(next).resolves.toMatchObject({ final: 'OK' });
    expect(health).toEqual(['unresponsive', 'ok']);
    expect(clock.pendingTimers).toBe(0);
  });

  it('aborts a prompt that never came with ESC', async () => {
    const { engine, transport, clock } = setUp();
    const sending = engine.run('AT+CMGS=17', { payload: '0011' });
    clock.advance(1000);
    await expect(sending).rejects.toMatchObject({ code: 'SMSB_MODEM_TIMEOUT', details: { payloadWritten: false } });
    expect(transport.writes).toEqual(['AT+CMGS=17\r', '\x1b']);
    clock.advance(250);
    expect(clock.pendingTimers).toBe(0);
  });

  it('fails the command in flight and the queue when the port vanishes, saying whether the PDU went out', async () => {
    const { engine, transport, clock } = setUp();
    const sending = engine.run('AT+CMGS=17', { payload: '0011' });
    const queued = engine.run('AT+CMGL=4');
    transport.push('> ');
    transport.unplug();
    await expect(sending).rejects.toMatchObject({ code: 'SMSB_MODEM_UNAVAILABLE', details: { payloadWritten: true } });
    await expect(queued).rejects.toMatchObject({ code: 'SMSB_MODEM_UNAVAILABLE', details: { payloadWritten: false } });
    await expect(engine.run('AT')).rejects.toBeInstanceOf(ModemUnavailableError);
    expect(engine.health).toBe('closed');
    expect(clock.pendingTimers).toBe(0);
  });

  it('ignores a late final result that arrives after its command timed out', async () => {
    const { engine, transport, clock } = setUp();
    const slow = engine.run('AT+COPS=?', { timeoutMs: 10 });
    clock.advance(10);
    await expect(slow).rejects.toBeInstanceOf(ModemTimeoutError);
    const next = engine.run('AT+CGSN');
    transport.push('\r\nOK\r\n'); // the late answer, while the engine settles
    clock.advance(250);
    expect(transport.writes.at(-1)).toBe('AT+CGSN\r');
    transport.push('\r\n867698041234567\r\nOK\r\n');
    await expect(next).resolves.toMatchObject({ lines: ['867698041234567'] });
  });

  it('survives a throwing URC handler', async () => {
    const errors: unknown[] = [];
    const transport = new ScriptedTransport();
    transport.isOpen = true;
    const engine = new AtEngine(transport, { clock: new ManualClock(0), onHandlerError: (e) => errors.push(e) });
    engine.unsolicited.on('RING', () => {
      throw new Error('handler bug');
    });
    const command = engine.run('AT');
    transport.push('RING\r\nOK\r\n');
    await expect(command).resolves.toMatchObject({ final: 'OK' });
    expect(errors).toHaveLength(1);
  });
});

describe('AtEngine multi-line quoted URCs', () => {
  it('joins a +CUSD reply whose text spans lines', async () => {
    const { engine, transport, urcs } = setUp();
    const command = engine.run('AT+CUSD=1,"*101#",15');
    transport.push('\r\nOK\r\n\r\n+CUSD: 1,"1. Data\r\n2. Voice\r\n",15\r\n');
    await expect(command).resolves.toMatchObject({ final: 'OK' });
    expect(urcs).toEqual([{ name: '+CUSD', line: '+CUSD: 1,"1. Data\n2. Voice\n",15' }]);
  });
});

describe('AtEngine under arbitrary chunking (property)', () => {
  it('parses the same response and URCs however the bytes are split', async () => {
    const fc = await import('fast-check');
    const stream = '\r\n+CMGL: 0,1,,23\r\nRING\r\n0791AA\r\n+CMT: ,5\r\n0791BB\r\n+CMGL: 1,1,,23\r\n0791CC\r\n+CUSD: 1,"a\r\nb",15\r\n\r\nOK\r\n';
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: stream.length - 1 }), { maxLength: 12 }), async (cuts) => {
        const { engine, transport, urcs } = setUp();
        const listing = engine.run('AT+CMGL=4');
        const sorted = [...cuts].sort((a, b) => a - b);
        let from = 0;
        for (const cut of [...sorted, stream.length]) {
          transport.push(stream.slice(from, cut));
          from = cut;
        }
        await expect(listing).resolves.toMatchObject({ lines: ['+CMGL: 0,1,,23', '0791AA', '+CMGL: 1,1,,23', '0791CC'] });
        expect(urcs.map((u) => [u.name, u.body])).toEqual([
          ['RING', undefined],
          ['+CMT', '0791BB'],
          ['+CUSD', undefined],
        ]);
      }),
      { numRuns: 200 },
    );
  });
});
