/**
 * Replacements for characters GSM-7 lacks, tried before the accent-stripping fallback. Only used
 * when the character itself cannot be encoded, so 'é' or '€' are never touched.
 */
export const GSM7_TRANSLITERATIONS: ReadonlyMap<string, string> = new Map<string, string>([
  // Quotes, primes, accents used as apostrophes.
  ['\u2018', "'"], ['\u2019', "'"], ['\u201A', "'"], ['\u201B', "'"], ['\u2032', "'"], ['\u2039', "'"], ['\u203A', "'"],
  ['\u0060', "'"], ['\u00B4', "'"], ['\u02BC', "'"], ['\u02B9', "'"],
  ['\u201C', '"'], ['\u201D', '"'], ['\u201E', '"'], ['\u201F', '"'], ['\u2033', '"'], ['\u00AB', '"'], ['\u00BB', '"'],
  // Dashes and minus.
  ['\u2010', '-'], ['\u2011', '-'], ['\u2012', '-'], ['\u2013', '-'], ['\u2014', '-'], ['\u2015', '-'], ['\u2212', '-'], ['\u2043', '-'],
  ['\u2026', '...'],
  // Spaces and line breaks that are not LF/CR.
  ['\u00A0', ' '], ['\u2000', ' '], ['\u2001', ' '], ['\u2002', ' '], ['\u2003', ' '], ['\u2004', ' '], ['\u2005', ' '],
  ['\u2006', ' '], ['\u2007', ' '], ['\u2008', ' '], ['\u2009', ' '], ['\u200A', ' '], ['\u202F', ' '], ['\u205F', ' '],
  ['\u3000', ' '], ['\u1680', ' '], ['\t', ' '], ['\u000B', '\n'], ['\u0085', '\n'], ['\u2028', '\n'], ['\u2029', '\n'],
  // Invisible characters carry nothing worth a '?'.
  ['\u200B', ''], ['\u200C', ''], ['\u200D', ''], ['\u2060', ''], ['\uFEFF', ''], ['\u00AD', ''],
  // Letters NFD does not decompose.
  ['\u0152', 'OE'], ['\u0153', 'oe'], ['\u0132', 'IJ'], ['\u0133', 'ij'], ['\u00D0', 'D'], ['\u00F0', 'd'], ['\u0110', 'D'],
  ['\u0111', 'd'], ['\u00DE', 'TH'], ['\u00FE', 'th'], ['\u0141', 'L'], ['\u0142', 'l'], ['\u0131', 'i'], ['\u0126', 'H'],
  ['\u0127', 'h'], ['\u0166', 'T'], ['\u0167', 't'], ['\u017F', 's'], ['\u0138', 'k'], ['\u014A', 'N'], ['\u014B', 'n'],
  // Greek capitals that look like Latin ones (the GSM alphabet only has the others).
  ['\u0391', 'A'], ['\u0392', 'B'], ['\u0395', 'E'], ['\u0396', 'Z'], ['\u0397', 'H'], ['\u0399', 'I'], ['\u039A', 'K'],
  ['\u039C', 'M'], ['\u039D', 'N'], ['\u039F', 'O'], ['\u03A1', 'P'], ['\u03A4', 'T'], ['\u03A5', 'Y'], ['\u03A7', 'X'],
  // Symbols.
  ['\u2022', '*'], ['\u00B7', '.'], ['\u00D7', 'x'], ['\u00F7', '/'], ['\u2122', 'TM'], ['\u00A9', '(c)'], ['\u00AE', '(R)'],
  ['\u02C6', '^'], ['\u02DC', '~'], ['\u00A6', '|'], ['\u2044', '/'],
]);
