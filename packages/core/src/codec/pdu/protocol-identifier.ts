/** TP-PID values a caller may want by name (TS 23.040 §9.2.3.9). */
export const PROTOCOL_ID = Object.freeze({
  /** Plain short message, the default. */
  default: 0x00,
  /** Short message type 0: acknowledged by the phone, then discarded ("silent SMS"). */
  shortMessageType0: 0x40,
  /** Replace short message type 1; 0x42–0x47 are types 2–7. */
  replaceType1: 0x41,
  /** Return call message. */
  returnCall: 0x5f,
  /** (U)SIM data download. */
  simDataDownload: 0x7f,
});

/** The replace type 1–7 a PID asks for (a newer message replaces an older one of the same type and sender), else null. */
export function replaceTypeOf(protocolId: number): number | null {
  return protocolId >= 0x41 && protocolId <= 0x47 ? protocolId - 0x40 : null;
}
