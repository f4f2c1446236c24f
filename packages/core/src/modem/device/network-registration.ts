/** `<stat>` of +CREG/+CGREG/+CEREG (3GPP TS 27.007 §7.2). */
export type RegistrationState = 'not-registered' | 'home' | 'searching' | 'denied' | 'unknown' | 'roaming';

export interface NetworkRegistration {
  state: RegistrationState;
  /** Raw `<stat>`; 6–10 (SMS-only, emergency, CSFB variants) map to the nearest of the above. */
  stat: number;
  /** Location area code and cell id in hex, when the modem reports them (`AT+CREG=2`). */
  lac?: string;
  cellId?: string;
  /** Access technology `<AcT>` (0 GSM, 2 UTRAN, 7 E-UTRAN …). */
  accessTechnology?: number;
}

const states: Record<number, RegistrationState> = {
  0: 'not-registered',
  1: 'home',
  2: 'searching',
  3: 'denied',
  4: 'unknown',
  5: 'roaming',
  6: 'home',
  7: 'roaming',
  8: 'not-registered',
  9: 'home',
  10: 'roaming',
};

/**
 * Parses `+CREG:` lines. The answer to `AT+CREG?` starts with `<n>,<stat>`, the URC with
 * `<stat>` only — the caller knows which one it has (`solicited`), the text alone is ambiguous.
 */
export function parseNetworkRegistration(line: string, solicited: boolean): NetworkRegistration | undefined {
  const match = /^\+C(?:G|E|5G)?REG:\s*(.*)$/i.exec(line);
  if (!match) return undefined;
  const fields = match[1]!.split(',').map((f) => f.trim().replace(/^"|"$/g, ''));
  if (solicited) fields.shift();
  const stat = Number(fields[0]);
  if (!Number.isInteger(stat)) return undefined;
  const registration: NetworkRegistration = { state: states[stat] ?? 'unknown', stat };
  if (fields[1]) registration.lac = fields[1];
  if (fields[2]) registration.cellId = fields[2];
  if (fields[3] !== undefined && fields[3] !== '') registration.accessTechnology = Number(fields[3]);
  return registration;
}
