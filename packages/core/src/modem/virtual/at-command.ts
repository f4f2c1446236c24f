/** One command of an AT command line, as the modem's command table sees it. */
export interface AtCommand {
  /** Upper-cased name: `E`, `Z`, `&F`, `S7`, `D`, `+CMGS`, `^ICCID`. */
  name: string;
  /** `AT+X` action, `AT+X=…` set, `AT+X?` read, `AT+X=?` test. */
  form: 'action' | 'set' | 'read' | 'test';
  /** What followed `=` (extended), the digits (basic) or the dial string (`D`); quotes kept. */
  argument: string;
}
