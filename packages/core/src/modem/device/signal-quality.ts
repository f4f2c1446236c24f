/** Received signal strength from `+CSQ: <rssi>,<ber>` (3GPP TS 27.007 §8.5). */
export interface SignalQuality {
  /** 0–31, or 99 when not known. */
  rssi: number;
  /** Bit error rate class 0–7, or 99 when not known. */
  ber: number;
  /** rssi 0 = -113 dBm or less, 2 dBm per step, 31 = -51 dBm or more; undefined for 99. */
  dbm: number | undefined;
}

export function parseSignalQuality(line: string): SignalQuality | undefined {
  const match = /^\+CSQ:\s*(\d+)\s*,\s*(\d+)/i.exec(line);
  if (!match) return undefined;
  const rssi = Number(match[1]);
  const ber = Number(match[2]);
  const dbm = rssi <= 31 ? -113 + 2 * rssi : undefined;
  return { rssi, ber, dbm };
}
