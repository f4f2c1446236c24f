import { decodePdu } from '../../../src/codec';
import { describeGammuAgainst } from './gammu-suite';

/** Gammu, an independent AT client, must accept the virtual modem as a phone (Quectel and Huawei: gammu-dialects.test.ts). */
describeGammuAgainst(['simcom'], (session) => {
  it('sends a long Unicode text as concatenated parts with consecutive references', async () => {
    const text = 'Привет из Gammu! '.repeat(6).trim();
    await session.runOk(['sendsms', 'TEXT', '+447700900123', '-unicode', '-len', String(text.length), '-text', text]);
    const parts = session.pty.modem.submitted.map((message) => decodePdu(message.pdu));
    expect(parts.length).toBeGreaterThan(1);
    expect(session.pty.modem.submitted.map((message) => message.messageReference)).toEqual(parts.map((_, i) => i));
    expect(parts.map((part) => part.text).join('')).toBe(text);
  });

  it('asks USSD: Gammu decodes the reply (it switches the modem to UCS2 first)', async () => {
    const run = await session.runOk(['getussd', '*100#'], 40000);
    expect(run.stdout).toMatch(/Service reply\s*:\s*"Balance 5\.00 EUR"/);
    expect(session.pty.modem.commandLog).toContain('+CUSD=1,"002A0031003000300023",15');
  }, 60000);
});
