import type { CommandTable } from '../command-context';
import { done, fail } from '../command-outcome';
import { cmsError, error } from '../final-result-code';
import type { StorageName } from '../message-storage';
import { integerParameter, splitAtParameters } from '../parse-at-command-line';
import { decodeTeString, encodeTeString } from '../te-character-set';

const characterSets = ['IRA', 'GSM', 'UCS2', 'HEX', 'PCCP437', '8859-1'];
const cnmiLimits = [2, 3, 3, 2, 1];

/** Message service settings of TS 27.005 §3.1–3.4. */
export const smsSettingCommands: CommandTable = {
  '+CMGF': {
    handle: (command, context) => {
      if (command.form === 'read') return done(`+CMGF: ${context.settings.messageFormat}`);
      if (command.form === 'test') return done('+CMGF: (0,1)');
      const value = integerParameter(splitAtParameters(command.argument), 0, 0);
      if (value !== 0 && value !== 1) return fail(error);
      context.settings.messageFormat = value;
      return done();
    },
  },
  '+CSCS': {
    handle: (command, context) => {
      if (command.form === 'read') return done(`+CSCS: "${context.settings.characterSet}"`);
      if (command.form === 'test') return done(`+CSCS: (${characterSets.map((set) => `"${set}"`).join(',')})`);
      const value = splitAtParameters(command.argument)[0]?.value.toUpperCase() ?? '';
      if (!characterSets.includes(value)) return fail(error);
      context.settings.characterSet = value;
      return done();
    },
  },
  '+CSMS': {
    handle: (command, context) => {
      if (command.form === 'read') return done(`+CSMS: ${context.settings.smsService},1,1,1`);
      if (command.form === 'test') return done('+CSMS: (0,1)');
      const value = integerParameter(splitAtParameters(command.argument), 0, Number.NaN);
      if (value !== 0 && value !== 1) return fail(cmsError(303));
      context.settings.smsService = value;
      return done('+CSMS: 1,1,1');
    },
  },
  '+CNMI': {
    handle: (command, context) => {
      if (command.form === 'read') return done(`+CNMI: ${context.settings.cnmi.join(',')}`);
      if (command.form === 'test') return done('+CNMI: (0-2),(0-3),(0,2),(0-2),(0,1)');
      const parameters = splitAtParameters(command.argument);
      const values = cnmiLimits.map((_, i) => integerParameter(parameters, i, 0));
      if (parameters.length > 5 || values.some((value, i) => !(value >= 0 && value <= cnmiLimits[i]!))) return fail(cmsError(303));
      context.settings.cnmi = values as [number, number, number, number, number];
      context.flushHeldIndications();
      return done();
    },
  },
  '+CPMS': {
    needsSim: 'sms',
    handle: (command, context) => {
      const names = context.settings.preferredStorages;
      const usage = (name: StorageName) => `${context.storage(name).used},${context.storage(name).capacity}`;
      if (command.form === 'read') return done(`+CPMS: ${names.map((name) => `"${name}",${usage(name)}`).join(',')}`);
      if (command.form === 'test') return done('+CPMS: ("SM","ME","SR"),("SM","ME"),("SM","ME")');
      const requested = splitAtParameters(command.argument).map((parameter) => parameter.value.toUpperCase());
      if (requested.length === 0 || requested.length > 3) return fail(error);
      const next = [...names] as [StorageName, StorageName, StorageName];
      for (let i = 0; i < requested.length; i++) {
        const name = requested[i]!;
        // SR holds status reports only: readable and deletable (<mem1>), never written or received into.
        const allowed = i === 0 ? ['SM', 'ME', 'SR'] : ['SM', 'ME'];
        if (!allowed.includes(name)) return fail(cmsError(302));
        next[i] = name as StorageName;
      }
      context.settings.preferredStorages = next;
      return done(`+CPMS: ${next.map(usage).join(',')}`);
    },
  },
  '+CSCA': {
    needsSim: 'sms',
    handle: (command, context) => {
      const number = context.radio.smscNumber;
      const characterSet = context.settings.characterSet;
      if (command.form === 'read') return done(`+CSCA: "${encodeTeString(number, characterSet)}",${number.startsWith('+') ? 145 : 129}`);
      if (command.form === 'test') return done();
      const value = decodeTeString(splitAtParameters(command.argument)[0]?.value ?? '', characterSet) ?? '';
      if (!/^\+?[0-9]{1,20}$/.test(value)) return fail(cmsError(304));
      context.radio.smscNumber = value;
      return done();
    },
  },
  '+CSMP': {
    handle: (command, context) => {
      if (command.form === 'read') return done(`+CSMP: ${context.settings.textModeParameters.join(',')}`);
      if (command.form === 'test') return done();
      const parameters = splitAtParameters(command.argument);
      const current = context.settings.textModeParameters;
      const next = current.map((value, i) => integerParameter(parameters, i, value));
      if (next.some((value) => !(value >= 0 && value <= 255))) return fail(cmsError(304));
      context.settings.textModeParameters = next as [number, number, number, number];
      return done();
    },
  },
  '+CSDH': {
    handle: (command, context) => {
      if (command.form === 'read') return done(`+CSDH: ${context.settings.showTextHeader ? 1 : 0}`);
      if (command.form === 'test') return done('+CSDH: (0,1)');
      context.settings.showTextHeader = integerParameter(splitAtParameters(command.argument), 0, 0) === 1;
      return done();
    },
  },
  '+CNMA': {
    handle: (command, context) => {
      if (command.form === 'test') return done('+CNMA: (0-2)');
      return context.acknowledgeDelivery() ? done() : fail(cmsError(340));
    },
  },
  '+CMMS': {
    handle: (command) => (command.form === 'read' ? done('+CMMS: 0') : command.form === 'test' ? done('+CMMS: (0-2)') : done()),
  },
};
