import { unpackSeptets } from '../../src/codec/septet-packing';
import { GsmModem } from '../../src/modem/gsm-modem';
import { parseUssdReply, type UssdTextForm } from '../../src/modem/ussd/ussd-reply';
import { ussdRequestText } from '../../src/modem/ussd/ussd-request-text';
import { VirtualModem } from '../../src/modem/virtual';
import { AttachedHost } from './virtual/attached-host';

/**
 * TS 23.038 §6.1.2.3.1 in USSD: packed text is sized in octets, so a text of 8n−1 septets is padded
 * with CR, and a receiver drops a final CR — or, from a sender that did not pad, a final '@' — only
 * when the octets hold exactly 8n septets. A text that really ends in CR at 8n septets goes out
 * with a second CR, which the receiver drops, so it arrives whole. At 8n characters a real final
 * '@' cannot be told from padding and is lost; at every other length it stays.
 */
const lengths = [7, 8, 15, 16] as const;
const endings = [
  ['@', '@'],
  ['CR', '\r'],
  ['a letter', 'x'],
] as const;
const cases: { length: number; name: string; text: string }[] = [
  ...lengths.flatMap((length) => endings.map(([name, last]) => ({ length, name, text: 'Saldo: ok, thank you'.slice(0, length - 1) + last }))),
  { length: 4, name: '@', text: 'abc@' },
];

/** What the far end reads back from packed hex: the final character is lost only where it is indistinguishable from padding. */
function readBackPacked(text: string): string {
  return text.length % 8 === 0 && text.endsWith('@') ? text.slice(0, -1) : text;
}

function attach(profile: 'huawei' | 'simcom', menu: Record<string, string> = {}): { modem: VirtualModem; host: AttachedHost } {
  const modem = new VirtualModem({ profile, ussdMenu: menu, ussd: { replyTiming: 'before-ok' } });
  const host = new AttachedHost(modem);
  host.send('ATE0');
  return { modem, host };
}

function cusdLine(output: string): string {
  const line = /\+CUSD: [^\r\n]*/.exec(output)?.[0];
  if (line === undefined) throw new Error(`no +CUSD line in ${JSON.stringify(output)}`);
  return line;
}

describe('GSM-7 padding in USSD (TS 23.038 §6.1.2.3.1)', () => {
  const opened: VirtualModem[] = [];
  const open = (...args: Parameters<typeof attach>) => {
    const attached = attach(...args);
    opened.push(attached.modem);
    return attached;
  };
  afterEach(() => {
    for (const modem of opened.splice(0)) modem.close();
  });

  it('pads the seven spare bits of a packed request with CR', () => {
    // '1234567' + CR: 31 32 33 34 35 36 37 0D.
    expect(ussdRequestText('1234567', 'packed-hex')).toBe('31D98C56B3DD1A');
    expect(ussdRequestText('123456', 'packed-hex')).toBe('31D98C56B301');
    expect(ussdRequestText('12345678', 'packed-hex')).toBe('31D98C56B3DD70');
  });

  it('sends a text that really ends in CR on an octet boundary with a second CR', () => {
    // '1234567' CR CR: nine septets in eight octets, the last with one zero bit.
    expect(ussdRequestText('1234567\r', 'packed-hex')).toBe('31D98C56B3DD1A0D');
  });

  describe.each(cases)('a $length-character text ending in $name', ({ text }) => {
    it('driver → virtual modem, packed hex (Huawei)', () => {
      const { modem, host } = open('huawei');
      const hex = ussdRequestText(text, 'packed-hex');
      host.send(`AT+CUSD=1,"${hex}",15`);
      expect(modem.ussdRequests).toEqual([readBackPacked(text)]);
      const octets = Uint8Array.from(Buffer.from(hex, 'hex'));
      const septets = unpackSeptets(octets, Math.floor((octets.length * 8) / 7));
      if (text.length % 8 === 7) expect(septets.at(-1)).toBe(0x0d);
      if (text.length % 8 === 0 && text.endsWith('\r')) expect(septets.slice(-2)).toEqual([0x0d, 0x0d]);
    });

    it('driver → virtual modem, plain text in UCS2 and (without CR, which would end the line) GSM', () => {
      const ucs2 = open('simcom');
      ucs2.host.send('AT+CSCS="UCS2"');
      ucs2.host.send(`AT+CUSD=1,"${ussdRequestText(text, 'text', 'UCS2')}",15`);
      expect(ucs2.modem.ussdRequests).toEqual([text]);
      if (text.endsWith('\r')) return;
      const gsm = open('simcom');
      gsm.host.send(`AT+CUSD=1,"${ussdRequestText(text, 'text', 'GSM')}",15`);
      expect(gsm.modem.ussdRequests).toEqual([text]);
    });

    it.each(['packed-hex', 'auto'] as UssdTextForm[])('virtual modem → driver, packed hex (Huawei), read as %s', (form) => {
      const { host } = open('huawei', { '*100#': text });
      const line = cusdLine(host.send('AT+CUSD=1,"AA180C3602",15'));
      expect(parseUssdReply(line, form)?.text).toBe(readBackPacked(text));
    });

    it('virtual modem → driver, plain text in UCS2 and (without CR) GSM', () => {
      const ucs2 = open('simcom', { '*100#': text });
      ucs2.host.send('AT+CSCS="UCS2"');
      const request = ussdRequestText('*100#', 'text', 'UCS2');
      expect(parseUssdReply(cusdLine(ucs2.host.send(`AT+CUSD=1,"${request}",15`)), 'auto', 'UCS2')?.text).toBe(text);
      if (text.endsWith('\r')) return;
      const gsm = open('simcom', { '*100#': text });
      expect(parseUssdReply(cusdLine(gsm.host.send('AT+CUSD=1,"*100#",15')), 'auto', 'GSM')?.text).toBe(text);
    });
  });
});

describe('GSM-7 padding in USSD through GsmModem on the virtual modem', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  // Huawei under +CSCS="GSM": packed hex both ways; SIMCom under +CSCS="UCS2": plain text as UCS-2 hex.
  it.each([
    ['huawei', 'GSM', 'packed-hex', readBackPacked],
    ['simcom', 'UCS2', 'text', (text: string) => text],
  ] as const)('sends and reads back every table text on %s (%s)', async (profile, characterSet, form, readBack) => {
    const vm = new VirtualModem({ profile, bootDelayMs: 5, ussdMenu: Object.fromEntries(cases.map(({ text }, i) => [`*${100 + i}#`, text])), ussd: { replyDelayMs: 5 } });
    const modem = new GsmModem({ transport: () => vm.transport(), characterSet });
    cleanups.push(async () => {
      await modem.close();
      vm.close();
    });
    await modem.start();
    for (const [i, { text }] of cases.entries()) {
      await expect(modem.ussd(`*${100 + i}#`)).resolves.toMatchObject({ reply: readBack(text) });
      await modem.ussd(text);
      expect(vm.commandLog).toContain(`+CUSD=1,"${ussdRequestText(text, form, characterSet)}",15`);
      expect(vm.ussdRequests.at(-1)).toBe(readBack(text));
    }
  });
});
