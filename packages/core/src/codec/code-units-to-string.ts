/** Most arguments handed to String.fromCharCode at once, well below every engine's argument limit. */
const CHUNK = 4096;

/** UTF-16 code units → string, lone surrogates kept as they are (a part of a split message may end in one). */
export function codeUnitsToString(units: number[]): string {
  if (units.length <= CHUNK) return String.fromCharCode.apply(null, units);
  let text = '';
  for (let at = 0; at < units.length; at += CHUNK) text += String.fromCharCode.apply(null, units.slice(at, at + CHUNK));
  return text;
}
