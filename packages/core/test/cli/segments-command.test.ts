import { runCommand } from './run-command';

async function segments(argv: string[]) {
  const { code, stdout, stderr } = await runCommand(['segments', ...argv]);
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  return JSON.parse(stdout) as { encoding: string; segments: string[]; count: number; units: number[] };
}

describe('smsbridge segments <text>', () => {
  it('prints encoding, parts and count for a short GSM-7 text', async () => {
    const plan = await segments(['hello']);
    expect(plan).toMatchObject({ encoding: 'gsm7', segments: ['hello'], count: 1, units: [5] });
    expect(Object.keys(plan).slice(0, 3)).toEqual(['encoding', 'segments', 'count']);
  });

  it('splits 161 septets into 153 + 8', async () => {
    const text = 'a'.repeat(161);
    const plan = await segments([text]);
    expect(plan.count).toBe(2);
    expect(plan.segments.map((part) => part.length)).toEqual([153, 8]);
    expect(plan.segments.join('')).toBe(text);
  });

  it('counts € as two septets: 80 fit in one part, 81 do not', async () => {
    expect((await segments(['€'.repeat(80)])).count).toBe(1);
    const plan = await segments(['€'.repeat(81)]);
    expect(plan.count).toBe(2);
    expect(plan.units.reduce((sum, units) => sum + units, 0)).toBe(162);
  });

  it('uses UCS-2 for an emoji and never splits its surrogate pair', async () => {
    const text = `${'ж'.repeat(66)}🙂${'ж'.repeat(10)}`;
    const plan = await segments([text]);
    expect(plan.encoding).toBe('ucs2');
    expect(plan.segments[0]).toBe('ж'.repeat(66));
    expect(plan.segments.join('')).toBe(text);
  });

  it('forces UCS-2 with --encoding ucs2', async () => {
    expect((await segments(['hello', '--encoding', 'ucs2'])).encoding).toBe('ucs2');
  });

  it('answers bad options with exit 2', async () => {
    for (const argv of [[], ['a', 'b'], ['x', '--encoding', 'ascii'], ['x', '--reference-bits', '7'], ['x', '--national', 'klingon']]) {
      const { code, stderr } = await runCommand(['segments', ...argv]);
      expect({ argv, code }).toEqual({ argv, code: 2 });
      expect(stderr).toContain("Run 'smsbridge segments --help' for usage.");
    }
  });
});

describe('smsbridge segments - (one JSON string per stdin line)', () => {
  it('prints one JSON line per text, in order, with error lines for lines that are not JSON strings', async () => {
    const input = ['"hello"', '', '"h\\u00e9llo \\ud83d\\ude42"', 'not json', '42', JSON.stringify('a'.repeat(200))].join('\n') + '\n';
    const { code, stdout, stderr } = await runCommand(['segments', '-'], [input]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const lines = stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatchObject({ encoding: 'gsm7', count: 1, segments: ['hello'] });
    expect(lines[1]).toMatchObject({ encoding: 'ucs2', count: 1, segments: ['héllo 🙂'] });
    expect(lines[2]).toEqual({ error: expect.stringContaining('JSON string'), line: 4 });
    expect(lines[3]).toEqual({ error: expect.stringContaining('JSON string'), line: 5 });
    expect(lines[4]).toMatchObject({ encoding: 'gsm7', count: 2 });
  });

  it('applies options to every line', async () => {
    const { stdout } = await runCommand(['segments', '-', '--encoding', 'ucs2'], ['"a"\n"b"\n']);
    expect(stdout.trimEnd().split('\n').map((line) => JSON.parse(line).encoding)).toEqual(['ucs2', 'ucs2']);
  });
});
