import { decodePdu, encodeSubmit, segmentText, type DecodedPdu, type SegmentPlan } from '../../codec';
import { codecDemoMultipart, codecDemoTexts } from '../codec-demo-samples';
import { segmentPlanJson } from '../commands/segments';
import { orderDecodedFields } from '../commands/pdu-decode';

/** What the codec walk-through found: the sample texts' plans, the multipart PDUs and their decoding. */
export interface CodecWalkthrough {
  segmented: { label: string; text: string; plan: SegmentPlan }[];
  multipart: typeof codecDemoMultipart;
  encoded: { pdu: string; length: number }[];
  decoded: DecodedPdu[];
}

/** Segments the sample texts, encodes the multipart sample to SMS-SUBMIT PDUs and decodes them again. */
export function runCodecWalkthrough(): CodecWalkthrough {
  const segmented = codecDemoTexts.map(({ label, text }) => ({ label, text, plan: segmentText(text) }));
  const { to, smsc, text, concatReference } = codecDemoMultipart;
  const encoded = encodeSubmit({ to, smsc, text, concatReference, statusReport: true }).map(({ pdu, length }) => ({ pdu, length }));
  const decoded = encoded.map(({ pdu }) => orderDecodedFields(decodePdu(pdu)));
  return { segmented, multipart: codecDemoMultipart, encoded, decoded };
}

/** The walk-through as one JSON-ready value (what `demo-codec --json` prints). */
export function codecWalkthroughJson({ segmented, multipart, encoded, decoded }: CodecWalkthrough) {
  return {
    segments: segmented.map(({ label, text, plan }) => ({ label, text, ...segmentPlanJson(plan) })),
    encode: { to: multipart.to, smsc: multipart.smsc, text: multipart.text, pdus: encoded },
    decode: decoded,
  };
}

export interface CodecProseOptions {
  /** Cut each PDU's hex after this many characters (the full demo has more to show); default whole. */
  pduHexWidth?: number;
}

/** The walk-through as numbered prose, each step naming the command that does it alone. */
export function codecWalkthroughProse({ segmented, multipart, encoded, decoded }: CodecWalkthrough, options: CodecProseOptions = {}): string {
  const { to, text } = multipart;
  let out = '1. How texts split into SMS parts (smsbridge segments <text>)\n\n';
  for (const { label, text: sample, plan } of segmented) {
    out += `  ${label}: ${briefly(sample)}\n`;
    out += `    ${plan.encoding}, ${plan.count} part${plan.count === 1 ? '' : 's'}, units per part ${JSON.stringify(plan.units)}\n`;
  }
  out += `\n2. Encoding a ${[...text].length}-character Unicode text to ${to} (smsbridge pdu encode)\n\n`;
  encoded.forEach(({ pdu, length }, index) => {
    out += `  part ${index + 1}: AT+CMGS=${length}\n    ${cutHex(pdu, options.pduHexWidth)}\n`;
  });
  out += '\n3. Decoding those PDUs again (smsbridge pdu decode <HEX>)\n\n';
  decoded.forEach((part, index) => {
    const concat = part.concat ? `part ${part.concat.sequence}/${part.concat.total}, ref ${part.concat.reference}` : 'single';
    out += `  part ${index + 1}: ${part.type} to ${part.address} via ${part.smsc ?? 'SIM SMSC'}, ${part.encoding}, ${concat}\n`;
    out += `    ${JSON.stringify(part.text)}\n`;
  });
  out += `\n  reassembled text ${codecRoundTripMatches({ multipart, decoded }) ? 'matches' : 'DIFFERS FROM'} the original.\n`;
  return out;
}

/** True when the decoded parts, joined, give back the multipart sample's text. */
export function codecRoundTripMatches({ multipart, decoded }: Pick<CodecWalkthrough, 'multipart' | 'decoded'>): boolean {
  return decoded.map((part) => part.text ?? '').join('') === multipart.text;
}

function cutHex(hex: string, width: number | undefined): string {
  return width === undefined || hex.length <= width ? hex : `${hex.slice(0, width)}… (${hex.length / 2} octets)`;
}

/** Long samples would flood the terminal; their length is what matters here. */
function briefly(text: string): string {
  const characters = [...text];
  return characters.length <= 70 ? JSON.stringify(text) : `${JSON.stringify(characters.slice(0, 60).join(''))}… (${characters.length} characters)`;
}
