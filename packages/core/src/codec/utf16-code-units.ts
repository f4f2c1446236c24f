/** Node writes 'utf16le'; read through a Uint16Array that is the host's order, so only little-endian hosts take the native copy. */
export const HOST_IS_LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;
/** Below this many code units the native call costs more than reading them one by one. */
const NATIVE_COPY_THRESHOLD = 32;

/**
 * The UTF-16 code units of `text` in a Uint16Array, so that hot loops read an array instead of
 * calling charCodeAt, which on a sliced or concatenated string (`repeat`, `trim`, template
 * literals) costs several times more.
 */
export function utf16CodeUnits(text: string): Uint16Array {
  if (HOST_IS_LITTLE_ENDIAN && text.length >= NATIVE_COPY_THRESHOLD) {
    // Pooled; Node aligns pool slices to 8 octets, checked anyway since a Uint16Array needs 2.
    const octets = Buffer.from(text, 'utf16le');
    if ((octets.byteOffset & 1) === 0) return new Uint16Array(octets.buffer, octets.byteOffset, text.length);
  }
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  return units;
}

/** A reusable home for code units: the array and a Buffer over the same memory, for Node's native copy. */
export interface CodeUnitScratch {
  readonly units: Uint16Array;
  readonly octets: Buffer;
}

export function codeUnitScratch(capacity: number): CodeUnitScratch {
  const octets = Buffer.allocUnsafeSlow(2 * capacity);
  return { units: new Uint16Array(octets.buffer, octets.byteOffset, capacity), octets };
}

/** utf16CodeUnits written into `scratch` (the caller checked that the text fits) instead of a new array. */
export function copyCodeUnits(text: string, scratch: CodeUnitScratch): Uint16Array {
  const { units } = scratch;
  if (HOST_IS_LITTLE_ENDIAN && text.length >= NATIVE_COPY_THRESHOLD) {
    scratch.octets.write(text, 0, 'utf16le');
  } else {
    for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  }
  return units;
}
