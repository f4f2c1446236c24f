import type { CommandTable } from '../command-context';
import { done, fail } from '../command-outcome';
import { cmeError, error } from '../final-result-code';
import { integerParameter, splitAtParameters } from '../parse-at-command-line';

/** V.250 basic commands and the equipment commands every client sends first. */
export const basicCommands: CommandTable = {
  E: { handle: (command, context) => flag(command.argument, (on) => (context.settings.echo = on)) },
  V: { handle: (command, context) => flag(command.argument, (on) => (context.settings.verbose = on)) },
  Q: { handle: (command, context) => flag(command.argument, (on) => (context.settings.quiet = on)) },
  Z: {
    handle: (_command, context) => {
      context.resetSettings();
      return done();
    },
  },
  '&F': {
    handle: (_command, context) => {
      context.resetSettings();
      return done();
    },
  },
  I: { handle: (_command, context) => done(...context.profile.identificationLines) },
  // Accepted and ignored: nothing in the emulation depends on them.
  '&W': { handle: () => done() },
  '&C': { handle: () => done() },
  '&D': { handle: () => done() },
  '&K': { handle: () => done() },
  X: { handle: () => done() },
  L: { handle: () => done() },
  M: { handle: () => done() },
  H: { handle: () => done() },
  D: { handle: () => ({ kind: 'fail', result: { kind: 'no-carrier' } }) },
  '+CMEE': {
    handle: (command, context) => {
      if (command.form === 'read') return done(`+CMEE: ${context.settings.cmee}`);
      if (command.form === 'test') return done('+CMEE: (0-2)');
      const value = integerParameter(splitAtParameters(command.argument), 0, 0);
      if (!(value >= 0 && value <= 2)) return fail(error);
      context.settings.cmee = value;
      return done();
    },
  },
  '+CFUN': {
    handle: (command, context) => {
      if (command.form === 'read') return done(`+CFUN: ${context.radio.functionality}`);
      if (command.form === 'test') return done('+CFUN: (0,1,4),(0,1)');
      const parameters = splitAtParameters(command.argument);
      const fun = integerParameter(parameters, 0, Number.NaN);
      const reset = integerParameter(parameters, 1, 0);
      if (![0, 1, 4].includes(fun) || ![0, 1].includes(reset)) return fail(cmeError(3));
      context.radio.functionality = fun;
      if (reset === 1) context.restartAfterReply();
      return done();
    },
  },
  '+IPR': {
    handle: (command) => (command.form === 'read' ? done('+IPR: 115200') : command.form === 'test' ? done('+IPR: (),(0,9600,19200,38400,57600,115200)') : done()),
  },
  '+IFC': { handle: (command) => (command.form === 'read' ? done('+IFC: 0,0') : done()) },
  '+GCAP': { handle: () => done('+GCAP: +CGSM') },
};

function flag(argument: string, set: (on: boolean) => void) {
  if (argument === '' || argument === '0') {
    set(false);
    return done();
  }
  if (argument === '1') {
    set(true);
    return done();
  }
  return fail(error);
}
