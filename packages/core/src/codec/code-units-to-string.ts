/** Most arguments handed to String.fromCharCode at once, well below every engine's argument limit. */
const CHUNK = 4096;

/** UTF-16 code units → string, lone surrogates kept as they are (a part of a split message may end in one). */
export function codeUnitsToString(units: number[]): string {
  return units.length <= CHUNK ? String.fromCharCode.apply(null, units) : chunkedCodeUnitsToString(units);
}

function chunkedCodeUnitsToString(units: number[]): string {
  let text = '';
  for (let at = 0; at < units.length; at += CHUNK) text += String.fromCharCode.apply(null, units.slice(at, at + CHUNK));
  return text;
}
