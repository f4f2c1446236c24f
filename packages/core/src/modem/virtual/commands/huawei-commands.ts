import type { CommandTable } from '../command-context';
import { done, fail } from '../command-outcome';
import { error } from '../final-result-code';
import { integerParameter, splitAtParameters } from '../parse-at-command-line';

/** Huawei's own commands that clients (Gammu, ModemManager) send to E1xx/E3xx sticks. */
export const huaweiCommands: CommandTable = {
  // ^CURC switches the periodic ^RSSI/^BOOT/^DSFLOWRPT reports on (1) or off (0).
  '^CURC': {
    handle: (command, context) => {
      if (command.form === 'read') return done(`^CURC: ${context.settings.vendorReports ? 1 : 0}`);
      if (command.form === 'test') return done('^CURC: (0-1)');
      const value = integerParameter(splitAtParameters(command.argument), 0, Number.NaN);
      if (value !== 0 && value !== 1) return fail(error);
      context.settings.vendorReports = value === 1;
      return done();
    },
  },
  '^SYSINFO': {
    handle: (_command, context) => {
      const registered = context.radio.registration === 1 || context.radio.registration === 5;
      return done(`^SYSINFO:${registered ? 2 : 0},${registered ? 3 : 0},${context.radio.registration === 5 ? 1 : 0},5,1,,4`);
    },
  },
  // ^PORTSEL picks the port that carries URCs (0 PCUI, 1 modem); the emulation has one port.
  '^PORTSEL': { handle: (command) => (command.form === 'read' ? done('^PORTSEL: 0') : done()) },
  '^USSDMODE': {
    handle: (command) => (command.form === 'read' ? done('^USSDMODE: 0') : done()),
  },
};
