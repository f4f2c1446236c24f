import { GSM7_ESCAPE } from './gsm7-table';

const CR = 0x0d;
const AT_SIGN = 0x00;

/**
 * TS 23.038 §6.1.2.3.1, for packed GSM-7 whose length goes in octets, not septets (USSD): seven
 * spare bits at the end would read as '@', so they carry a CR; and a text that really ends in CR on
 * an octet boundary gets a second CR (and a zero bit), so that its own CR is not taken for padding.
 */
export function padPackedSeptets(septets: readonly number[]): number[] {
  const count = septets.length;
  if (count % 8 === 7 || (count > 0 && count % 8 === 0 && endsInCr(septets, count))) return [...septets, CR];
  return [...septets];
}

/**
 * The septets of such text as read off its octet count (floor(octets × 8 / 7)), padding dropped:
 * at 8n septets a final CR (from a sender that padded) or '@' (seven zero bits from one that did
 * not); at 8n+1 the second CR of a final CR CR. A real final '@' at 8n cannot be told from
 * padding and is lost; a CR CR meant as such at 8n+1 reads as one CR, which the spec makes equal.
 */
export function unpadPackedSeptets(septets: readonly number[]): number[] {
  const count = septets.length;
  const padded =
    (count > 0 && count % 8 === 0 && (septets[count - 1] === AT_SIGN || endsInCr(septets, count))) ||
    (count > 1 && count % 8 === 1 && endsInCr(septets, count) && endsInCr(septets, count - 1));
  return padded ? septets.slice(0, count - 1) : [...septets];
}

/** The septet before `count` is the CR character, not the code of an escaped one (after an odd run of escapes). */
function endsInCr(septets: readonly number[], count: number): boolean {
  if (septets[count - 1] !== CR) return false;
  let escapes = 0;
  while (escapes < count - 1 && septets[count - 2 - escapes] === GSM7_ESCAPE) escapes++;
  return escapes % 2 === 0;
}
