import { decodePdu } from '../../src/codec';
import { runCommand } from './run-command';

interface EncodedPart {
  pdu: string;
  length: number;
}

async function encode(argv: string[]): Promise<EncodedPart[]> {
  const { code, stdout, stderr } = await runCommand(['pdu', 'encode', ...argv]);
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  expect(stdout.trimEnd().split('\n')).toHaveLength(1);
  return JSON.parse(stdout) as EncodedPart[];
}

/** Octets of the SMSC part at the front of a PDU (its length octet + that many). */
function smscOctets(hex: string): number {
  return 1 + parseInt(hex.slice(0, 2), 16);
}

describe('smsbridge pdu encode', () => {
  it('encodes a short text as one SMS-SUBMIT with the AT+CMGS length', async () => {
    const parts = await encode(['--to', '+41791234567', '--text', 'Hello']);
    expect(parts).toHaveLength(1);
    expect(Object.keys(parts[0]!)).toEqual(['pdu', 'length']);
    const { pdu, length } = parts[0]!;
    expect(pdu).toMatch(/^([0-9A-F]{2})+$/);
    expect(pdu.slice(0, 2)).toBe('00');
    expect(length).toBe(pdu.length / 2 - smscOctets(pdu));
    expect(decodePdu(pdu)).toMatchObject({ type: 'submit', address: '+41791234567', text: 'Hello', encoding: 'gsm7', smsc: null });
  });

  it('splits a long Unicode text into parts that decode back to it', async () => {
    const text = 'Привет! Это длинное сообщение, которое не помещается в одну часть. 📡 '.repeat(3);
    const parts = await encode(['--to', '+79261234567', '--text', text, '--reference', '77']);
    // 3 × 70 UTF-16 units = 210 > 70, and 67 units per part: at least 4 parts.
    expect(parts.length).toBeGreaterThanOrEqual(4);
    const decoded = parts.map(({ pdu }) => decodePdu(pdu));
    decoded.forEach((part, index) => {
      expect(part.encoding).toBe('ucs2');
      expect(part.concat).toEqual({ reference: 77, total: parts.length, sequence: index + 1, referenceBits: 8 });
    });
    expect(decoded.map((part) => part.text).join('')).toBe(text);
  });

  it('puts the SMSC in front when --smsc is given', async () => {
    const [part] = await encode(['--to', '0791234567', '--text', 'x', '--smsc', '+41794999000']);
    const decoded = decodePdu(part!.pdu);
    expect(decoded.smsc).toBe('+41794999000');
    expect(decoded.address).toBe('0791234567');
    expect(part!.length).toBe(part!.pdu.length / 2 - smscOctets(part!.pdu));
  });

  it('sets class 0 with --flash and a class with --class', async () => {
    const [flash] = await encode(['--to', '+15551234567', '--text', 'now', '--flash']);
    expect(decodePdu(flash!.pdu).class).toBe(0);
    const [classTwo] = await encode(['--to', '+15551234567', '--text', 'sim', '--class', '2']);
    expect(decodePdu(classTwo!.pdu).class).toBe(2);
  });

  it('requests a status report and sets a relative validity', async () => {
    const [part] = await encode(['--to', '+15551234567', '--text', 'r', '--status-report', '--validity', '60']);
    const decoded = decodePdu(part!.pdu);
    expect(decoded.statusReportRequested).toBe(true);
    expect(decoded.validityPeriod).toMatchObject({ format: 'relative', minutes: 60 });
  });

  it('forces UCS-2 with --encoding ucs2 and sets the message reference', async () => {
    const [part] = await encode(['--to', '+15551234567', '--text', 'plain', '--encoding', 'ucs2', '--message-reference', '9']);
    expect(decodePdu(part!.pdu)).toMatchObject({ encoding: 'ucs2', text: 'plain', messageReference: 9 });
  });

  it('answers missing or bad options with exit 2 and the command hint', async () => {
    const cases: string[][] = [
      ['--text', 'x'],
      ['--to', '+15551234567'],
      ['--to', '+15551234567', '--text', 'x', '--encoding', 'latin1'],
      ['--to', '+15551234567', '--text', 'x', '--validity', 'soon'],
      ['--to', '+15551234567', '--text', 'x', '--class', '4'],
      ['--to', '+15551234567', '--text', 'x', '--reference', '256'],
      ['--to', '+15551234567', '--text', 'x', 'extra'],
      ['--to', '+15551234567', '--text', 'x', '--unknown'],
    ];
    for (const argv of cases) {
      const { code, stdout, stderr } = await runCommand(['pdu', 'encode', ...argv]);
      expect({ argv, code, stdout }).toEqual({ argv, code: 2, stdout: '' });
      expect(stderr).toMatch(/^smsbridge: .+\nRun 'smsbridge pdu encode --help' for usage\.\n$/);
    }
  });

  it('fails with exit 1 and the codec message for a destination that is not a number', async () => {
    const { code, stdout, stderr } = await runCommand(['pdu', 'encode', '--to', '+12ab!', '--text', 'x']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^smsbridge: \S.*\n$/);
  });
});
