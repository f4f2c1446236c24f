/** One PDU read from modem storage: `+CMGL: <index>,<stat>,[<alpha>],<length>` / `+CMGR: <stat>,[<alpha>],<length>` and the hex line after it. */
export interface StoredPdu {
  index: number;
  /** 0 received unread, 1 received read, 2 stored unsent, 3 stored sent. */
  status: number;
  pdu: string;
}

const hexLine = /^[0-9A-Fa-f]+$/;

/** Pairs `+CMGL:` headers with their PDU lines; lines that do not fit the pattern are skipped. */
export function parseMessageList(lines: string[]): StoredPdu[] {
  const stored: StoredPdu[] = [];
  for (let i = 0; i < lines.length; i++) {
    const header = /^\+CMGL:\s*(\d+)\s*,\s*(\d+)/i.exec(lines[i]!);
    const pdu = lines[i + 1];
    if (!header || pdu === undefined || !hexLine.test(pdu)) continue;
    stored.push({ index: Number(header[1]), status: Number(header[2]), pdu });
    i++;
  }
  return stored;
}

/** The PDU of an `AT+CMGR=<index>` answer; undefined for an empty slot (some modems answer just OK). */
export function parseMessageRead(index: number, lines: string[]): StoredPdu | undefined {
  const at = lines.findIndex((l) => /^\+CMGR:/i.test(l));
  if (at < 0) return undefined;
  const header = /^\+CMGR:\s*(\d+)/i.exec(lines[at]!);
  const pdu = lines[at + 1];
  if (!header || pdu === undefined || !hexLine.test(pdu)) return undefined;
  return { index, status: Number(header[1]), pdu };
}

/** `+CMTI: "SM",3` / `+CDSI: "SR",1` → storage and index. */
export function parseStorageIndication(line: string): { storage: string; index: number } | undefined {
  const match = /^\+C(?:MTI|DSI):\s*"?([A-Z0-9]+)"?\s*,\s*(\d+)/i.exec(line);
  return match ? { storage: match[1]!.toUpperCase(), index: Number(match[2]) } : undefined;
}
