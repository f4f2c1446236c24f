import { codecDemoMultipart, codecDemoTexts } from '../../src/cli/codec-demo-samples';
import { runCommand } from './run-command';

describe('smsbridge demo-codec', () => {
  it('walks through segmenting, encoding and decoding in readable form', async () => {
    const { code, stdout, stderr } = await runCommand(['demo-codec']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    for (const { label } of codecDemoTexts) expect(stdout).toContain(label);
    expect(stdout).toContain('AT+CMGS=');
    expect(stdout).toContain('reassembled text matches the original');
  });

  it('prints one JSON document with --json whose decoded parts rebuild the text', async () => {
    const { code, stdout } = await runCommand(['demo-codec', '--json']);
    expect(code).toBe(0);
    const document = JSON.parse(stdout);
    expect(document.segments).toHaveLength(codecDemoTexts.length);
    expect(document.encode.pdus.length).toBeGreaterThan(1);
    expect(document.decode).toHaveLength(document.encode.pdus.length);
    expect(document.decode.map((part: { text: string }) => part.text).join('')).toBe(codecDemoMultipart.text);
    for (const part of document.decode) {
      expect(part).toMatchObject({ type: 'submit', address: codecDemoMultipart.to, smsc: codecDemoMultipart.smsc, encoding: 'ucs2' });
    }
  });

  it('rejects arguments with exit 2', async () => {
    expect((await runCommand(['demo-codec', 'extra'])).code).toBe(2);
  });
});
