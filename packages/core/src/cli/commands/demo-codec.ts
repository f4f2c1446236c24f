import { decodePdu, encodeSubmit, segmentText } from '../../codec';
import type { CliCommand } from '../cli-command';
import { codecDemoMultipart, codecDemoTexts } from '../codec-demo-samples';
import { expectPositionals, parseCommandArgs } from '../parse-command-args';
import { segmentPlanJson } from './segments';
import { orderDecodedFields } from './pdu-decode';

const name = 'demo-codec';

export const demoCodecCommand: CliCommand = {
  name,
  summary: 'walk through the codec: segment sample texts, encode a multipart text, decode it back',
  usage: `Usage: smsbridge demo-codec [--json]

Segments a few sample texts (GSM-7, extension characters, emoji, long text), encodes a
multipart Unicode message to SMS-SUBMIT PDUs and decodes those PDUs again.

  --json   print one JSON document instead of the readable walk-through
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(name, args, { json: { type: 'boolean' } });
    expectPositionals(name, positionals, []);

    const segmented = codecDemoTexts.map(({ label, text }) => ({ label, text, plan: segmentText(text) }));
    const { to, smsc, text, concatReference } = codecDemoMultipart;
    const encoded = encodeSubmit({ to, smsc, text, concatReference, statusReport: true });
    const decoded = encoded.map(({ pdu }) => orderDecodedFields(decodePdu(pdu)));

    if (values.json) {
      const document = {
        segments: segmented.map(({ label, text: sample, plan }) => ({ label, text: sample, ...segmentPlanJson(plan) })),
        encode: { to, smsc, text, pdus: encoded.map(({ pdu, length }) => ({ pdu, length })) },
        decode: decoded,
      };
      io.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
      return;
    }

    let out = '1. How texts split into SMS parts (smsbridge segments <text>)\n\n';
    for (const { label, text: sample, plan } of segmented) {
      out += `  ${label}: ${briefly(sample)}\n`;
      out += `    ${plan.encoding}, ${plan.count} part${plan.count === 1 ? '' : 's'}, units per part ${JSON.stringify(plan.units)}\n`;
    }
    out += `\n2. Encoding a ${[...text].length}-character Unicode text to ${to} (smsbridge pdu encode)\n\n`;
    encoded.forEach(({ pdu, length }, index) => {
      out += `  part ${index + 1}: AT+CMGS=${length}\n    ${pdu}\n`;
    });
    out += '\n3. Decoding those PDUs again (smsbridge pdu decode <HEX>)\n\n';
    decoded.forEach((part, index) => {
      const concat = part.concat ? `part ${part.concat.sequence}/${part.concat.total}, ref ${part.concat.reference}` : 'single';
      out += `  part ${index + 1}: ${part.type} to ${part.address} via ${part.smsc ?? 'SIM SMSC'}, ${part.encoding}, ${concat}\n`;
      out += `    ${JSON.stringify(part.text)}\n`;
    });
    const roundTrip = decoded.map((part) => part.text ?? '').join('');
    out += `\n  reassembled text ${roundTrip === text ? 'matches' : 'DIFFERS FROM'} the original.\n`;
    io.stdout.write(out);
  },
};

/** Long samples would flood the terminal; their length is what matters here. */
function briefly(text: string): string {
  const characters = [...text];
  return characters.length <= 70 ? JSON.stringify(text) : `${JSON.stringify(characters.slice(0, 60).join(''))}… (${characters.length} characters)`;
}
