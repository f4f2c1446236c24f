'use strict';

/**
 * A deliberately plain, spec-literal segment counter used only to arbitrate when the
 * implementations disagree (3GPP TS 23.038 §6.2.1 default alphabet + extension table,
 * TS 23.040 §9.2.3.24.1 concatenation: 160/153 septets, 70/67 UCS-2 units). No national tables.
 *
 * The `flaws` switches reproduce known counter mistakes, so a disagreement can be explained by
 * finding the flaw under which the reference gives the peer's answer.
 */
/** 3GPP TS 23.038 §6.2.1: the default alphabet by septet value (0x1B = escape to the extension table). */
const GSM7_DEFAULT_ALPHABET =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\x1bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** §6.2.1.1: the extension table, septet after the escape → character. */
const GSM7_EXTENSION_BY_SEPTET = new Map([
  [0x0a, '\f'], [0x14, '^'], [0x28, '{'], [0x29, '}'], [0x2f, '\\'], [0x3c, '['], [0x3d, '~'], [0x3e, ']'], [0x40, '|'], [0x65, '€'],
]);

const GSM7_BASIC = GSM7_DEFAULT_ALPHABET.replace('\x1b', '');
const GSM7_EXTENSION = [...GSM7_EXTENSION_BY_SEPTET.values()].join('');

const basic = new Set(GSM7_BASIC);
const extension = new Set(GSM7_EXTENSION);

/**
 * @param {string} text
 * @param {{ extensionAsOneSeptet?: boolean, splitEscapes?: boolean, splitSurrogates?: boolean, keepGraphemes?: boolean }} [flaws]
 * @returns {{ encoding: 'gsm7'|'ucs2', count: number }}
 */
function referenceSegmentCount(text, flaws = {}) {
  const characters = [...text];
  const isGsm7 = characters.every((character) => basic.has(character) || extension.has(character));
  if (isGsm7) {
    const sizes = characters.map((character) => (extension.has(character) && !flaws.extensionAsOneSeptet ? 2 : 1));
    return { encoding: 'gsm7', count: countParts(sizes, 160, 153, flaws.splitEscapes) };
  }
  const units = flaws.keepGraphemes
    ? [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text)].map(({ segment }) => segment.length)
    : characters.map((character) => character.length);
  return { encoding: 'ucs2', count: countParts(units, 70, 67, flaws.splitSurrogates) };
}

/** Greedy packing; an item (escape pair, surrogate pair) never straddles two parts unless `mayCut`. */
function countParts(sizes, singleLimit, partLimit, mayCut) {
  const total = sizes.reduce((sum, size) => sum + size, 0);
  if (total <= singleLimit) return 1;
  if (mayCut) return Math.ceil(total / partLimit);
  let parts = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > partLimit) {
      parts++;
      used = 0;
    }
    used += size;
  }
  return parts;
}

/** The characters of `text` that are not GSM-7 by the reference tables. */
function nonGsm7Characters(text) {
  return [...new Set([...text].filter((character) => !basic.has(character) && !extension.has(character)))];
}

/** Known mistakes, in the order they are tried when explaining a wrong count. */
const knownFlaws = [
  { flaws: { extensionAsOneSeptet: true }, explanation: 'counts extension characters (€ [ ] { } ~ ^ | \\ \\f) as 1 septet instead of 2' },
  { flaws: { splitEscapes: true }, explanation: 'splits an escape sequence (ESC + character) across two parts' },
  { flaws: { splitSurrogates: true }, explanation: 'splits a surrogate pair (emoji) across two parts' },
  { flaws: { keepGraphemes: true }, explanation: 'keeps whole grapheme clusters (ZWJ emoji, flags) in one part, which the spec does not require: more parts than needed' },
];

module.exports = { referenceSegmentCount, nonGsm7Characters, knownFlaws, GSM7_DEFAULT_ALPHABET, GSM7_EXTENSION_BY_SEPTET, GSM7_BASIC, GSM7_EXTENSION };
