import type { CommandContext, CommandEntry, CommandTable } from '../command-context';
import { done, fail } from '../command-outcome';
import { error } from '../final-result-code';
import { integerParameter, splitAtParameters } from '../parse-at-command-line';
import { encodeTeString } from '../te-character-set';

/** `+CREG`-style registration query (TS 27.007 §7.2); `+CGREG`/`+CEREG` report the same state. */
function registrationCommand(name: string): CommandEntry {
  return {
    handle: (command, context) => {
      const { settings } = context;
      const current = name === '+CREG' ? settings.registrationReporting : (settings.packetRegistrationReporting[name] ?? 0);
      if (command.form === 'test') return done(`${name}: (0-2)`);
      if (command.form === 'read') return done(registrationLine(name, current, context));
      const n = integerParameter(splitAtParameters(command.argument), 0, 0);
      if (!(n >= 0 && n <= 2)) return fail(error);
      if (name === '+CREG') settings.registrationReporting = n;
      else settings.packetRegistrationReporting[name] = n;
      return done();
    },
  };
}

function registrationLine(name: string, n: number, context: CommandContext): string {
  const { registration, locationAreaCode, cellId } = context.radio;
  const located = n === 2 && (registration === 1 || registration === 5);
  return located ? `${name}: ${n},${registration},"${locationAreaCode}","${cellId}"` : `${name}: ${n},${registration}`;
}

/** Registration, operator and signal quality. */
export const networkCommands: CommandTable = {
    '+CREG': registrationCommand('+CREG'),
    '+CGREG': registrationCommand('+CGREG'),
    '+CEREG': registrationCommand('+CEREG'),
    '+COPS': {
      handle: (command, context) => {
        const { registration } = context.radio;
        const operatorName = encodeTeString(context.radio.operatorName, context.settings.characterSet);
        if (command.form === 'test') return done(`+COPS: (2,"${operatorName}","VIRTUAL","00101"),,(0-4),(0-2)`);
        if (command.form !== 'read') return done();
        if (registration !== 1 && registration !== 5) return done('+COPS: 0');
        const act = context.profile.copsAccessTechnology;
        return done(`+COPS: 0,0,"${operatorName}"${act === null ? '' : `,${act}`}`);
      },
    },
    '+CSQ': {
      handle: (command, context) => (command.form === 'test' ? done('+CSQ: (0-31,99),(0-7,99)') : done(`+CSQ: ${context.radio.rssi},${context.radio.ber}`)),
    },
};
