/** `<stat>` of +CREG: 0 not searching, 1 home, 2 searching, 3 denied, 4 unknown, 5 roaming. */
export type RegistrationStatus = 0 | 1 | 2 | 3 | 4 | 5;

/** The radio side the network would report: registration, cell, operator, signal, numbers. */
export interface RadioState {
  registration: RegistrationStatus;
  locationAreaCode: string;
  cellId: string;
  operatorName: string;
  /** +CSQ <rssi> 0–31, 99 unknown. */
  rssi: number;
  ber: number;
  smscNumber: string;
  ownNumber: string;
  /** AT+CFUN <fun>. */
  functionality: number;
}
