/** One GSM port of the simulated box. */
export interface SimulatedSpan {
  port: number;
  portName: string;
  /** Registered and able to send (`status` 1). */
  available: boolean;
  /** The SIM's own number, pushed as the receiving/sending number. */
  simNumber: string;
  imsi: string;
}

export const DEFAULT_SIMULATED_SPANS: readonly Readonly<SimulatedSpan>[] = [
  { port: 1, portName: 'gsm-1.1', available: true, simNumber: '+447700900101', imsi: '234150000000101' },
  { port: 2, portName: 'gsm-1.2', available: true, simNumber: '+447700900102', imsi: '234150000000102' },
  { port: 3, portName: 'gsm-1.3', available: false, simNumber: '', imsi: '' },
  { port: 4, portName: 'gsm-1.4', available: true, simNumber: '+447700900104', imsi: '234150000000104' },
];
