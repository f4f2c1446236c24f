import type { CommandTable } from '../command-context';
import { done } from '../command-outcome';

/** Quectel's own commands that drivers commonly send to EC2x modules. */
export const quectelCommands: CommandTable = {
  // AT+QURCCFG="urcport","usbat": where URCs go; the emulation has one port.
  '+QURCCFG': { handle: (command) => (command.form === 'set' && !command.argument.includes(',') ? done('+QURCCFG: "urcport","usbat"') : done()) },
  '+QINDCFG': { handle: () => done() },
  '+QCSQ': {
    handle: (_command, context) => done(`+QCSQ: "LTE",${-113 + 2 * context.radio.rssi},${-140 + 3 * context.radio.rssi},150,-10`),
  },
};
