import type { DinstarRegistration } from '../dinstar-port-info';

/** One GSM port (module + SIM) of the simulated box. */
export interface SimulatedDinstarPort {
  port: number;
  type: 'GSM' | 'CDMA' | 'WCDMA' | 'UNKNOWN';
  imei: string;
  imsi: string;
  iccid: string;
  smsc: string;
  number: string;
  reg: DinstarRegistration;
  slot: number;
  /** Shown as the port's text in `query_ussd_reply`: undefined = never used, ' ' = waiting. */
  ussdReply?: string;
}

export const DEFAULT_SIMULATED_PORTS: readonly Readonly<SimulatedDinstarPort>[] = [
  { port: 0, type: 'GSM', imei: '358967042917200', imsi: '460016529802214', iccid: '89860114840400428149', smsc: '+8613010868500', number: '', reg: 'REGISTER_OK', slot: 0 },
  { port: 1, type: 'WCDMA', imei: '863070017005173', imsi: '', iccid: '', smsc: '', number: '', reg: 'NO_SIM', slot: 0 },
  { port: 2, type: 'GSM', imei: '358967042917201', imsi: '460016529802215', iccid: '89860114840400428150', smsc: '+8613010868500', number: '', reg: 'REGISTER_OK', slot: 0 },
  { port: 3, type: 'GSM', imei: '358967042917202', imsi: '460016529802216', iccid: '89860114840400428151', smsc: '+8613010868500', number: '', reg: 'REGISTER_OK', slot: 0 },
];
