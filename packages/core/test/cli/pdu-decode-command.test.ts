import { pduDecodeCommand } from '../../src/cli/commands/pdu-decode';
import { cliCommands } from '../../src/cli/command-table';
import { runCli } from '../../src/cli/run-cli';
import { createMemoryIo } from './memory-io';
import { runCommand } from './run-command';
import { deliverConcatPart1, deliverFlash, deliverGsm7, deliverGsm7SmscHexLength, deliverUcs2, statusReportExpired } from './pdu-samples';

describe('smsbridge pdu decode <HEX>', () => {
  it('prints one JSON object for a GSM-7 deliver with escapes', async () => {
    const { code, stdout, stderr } = await runCommand(['pdu', 'decode', deliverGsm7.hex]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout.endsWith('\n')).toBe(true);
    expect(stdout.trimEnd().split('\n')).toHaveLength(1);
    const decoded = JSON.parse(stdout);
    expect(decoded).toMatchObject({
      type: 'deliver',
      smsc: deliverGsm7.smsc,
      address: deliverGsm7.address,
      timestamp: deliverGsm7.timestamp,
      text: deliverGsm7.text,
      encoding: 'gsm7',
      class: null,
      concat: null,
      status: null,
    });
  });

  it('puts the main fields first and keeps the other DecodedPdu fields', async () => {
    const decoded = JSON.parse((await runCommand(['pdu', 'decode', deliverGsm7.hex])).stdout);
    expect(Object.keys(decoded).slice(0, 10)).toEqual([
      'type', 'smsc', 'address', 'timestamp', 'text', 'encoding', 'class', 'concat', 'messageReference', 'status',
    ]);
    for (const field of ['addressType', 'dataCodingScheme', 'protocolId', 'udh', 'tpduLength']) expect(decoded).toHaveProperty(field);
    expect(decoded.tpduLength).toBe((deliverGsm7.hex.length - deliverGsm7SmscHexLength) / 2);
  });

  it('decodes UCS-2 with a surrogate pair and a negative time zone', async () => {
    const decoded = JSON.parse((await runCommand(['pdu', 'decode', deliverUcs2.hex])).stdout);
    expect(decoded).toMatchObject({ address: deliverUcs2.address, text: deliverUcs2.text, encoding: 'ucs2', timestamp: deliverUcs2.timestamp });
  });

  it('reports the concatenation header of a part', async () => {
    const decoded = JSON.parse((await runCommand(['pdu', 'decode', deliverConcatPart1.hex])).stdout);
    expect(decoded.concat).toEqual(deliverConcatPart1.concat);
    expect(decoded.text).toBe(deliverConcatPart1.text);
  });

  it('reports class 0 of a flash message', async () => {
    const decoded = JSON.parse((await runCommand(['pdu', 'decode', deliverFlash.hex])).stdout);
    expect(decoded).toMatchObject({ class: 0, text: deliverFlash.text });
  });

  it('decodes a status report: reference, status, no text', async () => {
    const decoded = JSON.parse((await runCommand(['pdu', 'decode', statusReportExpired.hex])).stdout);
    expect(decoded).toMatchObject({
      type: 'status-report',
      address: statusReportExpired.address,
      messageReference: statusReportExpired.messageReference,
      status: statusReportExpired.status,
      timestamp: statusReportExpired.timestamp,
      dischargeTime: statusReportExpired.dischargeTime,
      text: null,
    });
  });

  it('decodes a bare TPDU with --no-smsc', async () => {
    const bare = deliverGsm7.hex.slice(deliverGsm7SmscHexLength);
    const decoded = JSON.parse((await runCommand(['pdu', 'decode', '--no-smsc', bare])).stdout);
    expect(decoded).toMatchObject({ smsc: null, address: deliverGsm7.address, text: deliverGsm7.text });
  });

  it('accepts lower-case hex and surrounding blanks', async () => {
    const decoded = JSON.parse((await runCommand(['pdu', 'decode', ` ${deliverGsm7.hex.toLowerCase()}\n`])).stdout);
    expect(decoded.text).toBe(deliverGsm7.text);
  });

  it('indents with --pretty', async () => {
    const { stdout } = await runCommand(['pdu', 'decode', '--pretty', deliverGsm7.hex]);
    expect(stdout.split('\n').length).toBeGreaterThan(10);
    expect(stdout).toContain('\n  "type": "deliver"');
  });

  it('fails with exit 1 and one line for a PDU that is not hex', async () => {
    const { code, stdout, stderr } = await runCommand(['pdu', 'decode', '07ZZ']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^smsbridge: \S.*\n$/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('fails with exit 1 for a truncated PDU', async () => {
    const { code, stderr } = await runCommand(['pdu', 'decode', deliverGsm7.hex.slice(0, 40)]);
    expect(code).toBe(1);
    expect(stderr.split('\n')).toHaveLength(2);
  });

  it('answers a missing or extra argument and unknown options with exit 2', async () => {
    for (const argv of [['pdu', 'decode'], ['pdu', 'decode', 'AA', 'BB'], ['pdu', 'decode', '--smsc', 'AA']]) {
      const { code, stdout, stderr } = await runCommand(argv);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain("Run 'smsbridge pdu decode --help' for usage.");
    }
  });

  it('has help text naming its options', async () => {
    const { code, stdout } = await runCommand(['pdu', 'decode', '--help']);
    expect(code).toBe(0);
    expect(stdout).toBe(pduDecodeCommand.usage);
    expect(stdout).toContain('--no-smsc');
  });
});

describe('smsbridge pdu decode - (one PDU per stdin line)', () => {
  it('prints one JSON line per PDU in order, an error line for a bad one, skipping blank lines', async () => {
    const input = [deliverGsm7.hex, '', 'nothex', statusReportExpired.hex, '   ', deliverUcs2.hex.toLowerCase()].join('\r\n');
    const { code, stdout, stderr } = await runCommand(['pdu', 'decode', '-'], [input]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const lines = stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ type: 'deliver', text: deliverGsm7.text });
    expect(lines[1]).toEqual({ error: expect.any(String), line: 3 });
    expect(lines[2]).toMatchObject({ type: 'status-report', messageReference: statusReportExpired.messageReference });
    expect(lines[3]).toMatchObject({ text: deliverUcs2.text });
  });

  it('applies --no-smsc to every line', async () => {
    const bare = deliverGsm7.hex.slice(deliverGsm7SmscHexLength);
    const { stdout } = await runCommand(['pdu', 'decode', '-', '--no-smsc'], [`${bare}\n${bare}\n`]);
    const lines = stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(lines).toEqual([expect.objectContaining({ smsc: null, text: deliverGsm7.text }), expect.objectContaining({ smsc: null })]);
  });

  it('writes nothing for empty stdin and exits 0', async () => {
    expect(await runCommand(['pdu', 'decode', '-'], [])).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('exits 1 with the reason when stdin fails', async () => {
    const io = createMemoryIo([]);
    io.stdin.destroy(new Error('read error on stdin'));
    const code = await runCli(['pdu', 'decode', '-'], io, { commands: cliCommands, version: 'test' });
    expect(code).toBe(1);
    expect(io.stderrText()).toBe('smsbridge: read error on stdin\n');
  });
});
