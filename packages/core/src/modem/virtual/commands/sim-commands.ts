import type { CommandTable } from '../command-context';
import { done, fail } from '../command-outcome';
import { cmeError } from '../final-result-code';
import { splitAtParameters } from '../parse-at-command-line';
import { encodeTeString } from '../te-character-set';

/** PIN handling (TS 27.007 §8.3) and the subscriber number. */
export const simCommands: CommandTable = {
  '+CPIN': {
    handle: (command, context) => {
      if (command.form === 'read') {
        if (context.pinLock.status === 'SIM BLOCKED') return fail(cmeError(13));
        return done(`+CPIN: ${context.pinLock.status}`);
      }
      if (command.form === 'test') return done();
      const [first, second] = splitAtParameters(command.argument);
      if (!first) return fail(cmeError(3));
      const outcome =
        context.pinLock.status === 'SIM PUK' ? context.pinLock.enterPuk(first.value, second?.value ?? '') : context.pinLock.enterPin(first.value);
      return outcome.accepted ? done() : fail(cmeError(outcome.cmeError));
    },
  },
  '+CNUM': {
    needsSim: 'equipment',
    handle: (command, context) => {
      if (command.form === 'test') return done();
      const number = context.radio.ownNumber;
      return done(`+CNUM: "","${encodeTeString(number, context.settings.characterSet)}",${number.startsWith('+') ? 145 : 129}`);
    },
  },
};
