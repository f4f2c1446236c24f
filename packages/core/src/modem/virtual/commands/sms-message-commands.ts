import type { CommandTable } from '../command-context';
import { done, fail, prompt } from '../command-outcome';
import { cmsError, error } from '../final-result-code';
import { tpduLengthOf, type MessageStatus, type StoredMessage } from '../message-storage';
import { integerParameter, splitAtParameters } from '../parse-at-command-line';

const maxTpduOctets = 164;
const statusNames = ['REC UNREAD', 'REC READ', 'STO UNSENT', 'STO SENT', 'ALL'];

/**
 * Sending, writing, reading, listing and deleting messages (TS 27.005 §3.4–3.5), PDU mode.
 * Text mode is answered with +CMS ERROR: 302 where the emulation does not cover it.
 */
export const smsMessageCommands: CommandTable = {
  '+CMGS': {
    needsSim: 'sms',
    handle: (command, context) => {
      if (command.form === 'test') return done();
      if (command.form !== 'set') return fail(error);
      if (context.settings.messageFormat === 1) return fail(cmsError(302));
      const length = integerParameter(splitAtParameters(command.argument), 0, Number.NaN);
      if (!(length >= 1 && length <= maxTpduOctets)) return fail(cmsError(304));
      return prompt((input) => {
        const pdu = checkedPdu(input, length);
        if (pdu === null) return fail(cmsError(304));
        const sent = context.submitToNetwork(pdu);
        return 'error' in sent ? fail(sent.error) : done(`+CMGS: ${sent.messageReference}`);
      });
    },
  },
  '+CMGW': {
    needsSim: 'sms',
    handle: (command, context) => {
      if (command.form === 'test') return done();
      if (command.form !== 'set') return fail(error);
      if (context.settings.messageFormat === 1) return fail(cmsError(302));
      const parameters = splitAtParameters(command.argument);
      const length = integerParameter(parameters, 0, Number.NaN);
      const status = integerParameter(parameters, 1, 2);
      if (!(length >= 1 && length <= maxTpduOctets) || !(status >= 0 && status <= 3)) return fail(cmsError(304));
      return prompt((input) => {
        const pdu = checkedPdu(input, length);
        if (pdu === null) return fail(cmsError(304));
        const stored = context.storage(context.settings.preferredStorages[1]).store(pdu, status as MessageStatus);
        return stored ? done(`+CMGW: ${stored.index}`) : fail(cmsError(322));
      });
    },
  },
  '+CMSS': {
    needsSim: 'sms',
    handle: (command, context) => {
      if (command.form === 'test') return done();
      const index = integerParameter(splitAtParameters(command.argument), 0, Number.NaN);
      const storage = context.storage(context.settings.preferredStorages[1]);
      const message = storage.get(index);
      if (!message) return fail(cmsError(321));
      const sent = context.submitToNetwork(message.pdu);
      if ('error' in sent) return fail(sent.error);
      storage.setStatus(index, 3);
      return done(`+CMSS: ${sent.messageReference}`);
    },
  },
  '+CMGR': {
    needsSim: 'sms',
    handle: (command, context) => {
      if (command.form === 'test') return done();
      const storage = context.storage(context.settings.preferredStorages[0]);
      const index = integerParameter(splitAtParameters(command.argument), 0, Number.NaN);
      if (!(index >= 1 && index <= storage.capacity)) return fail(cmsError(321));
      const message = storage.read(index);
      if (!message) return context.profile.emptySlotRead === 'ok' ? done() : fail(cmsError(321));
      if (context.settings.messageFormat === 1) return fail(cmsError(302));
      return done(`+CMGR: ${message.status},,${message.tpduLength}`, message.pdu);
    },
  },
  '+CMGL': {
    needsSim: 'sms',
    handle: (command, context) => {
      const textMode = context.settings.messageFormat === 1;
      if (command.form === 'test') return done(textMode ? `+CMGL: (${statusNames.map((name) => `"${name}"`).join(',')})` : '+CMGL: (0-4)');
      if (textMode) return fail(cmsError(302));
      const parameter = splitAtParameters(command.argument)[0];
      if (parameter?.quoted) return fail(cmsError(302));
      const status = integerParameter(parameter ? [parameter] : [], 0, 0);
      if (!(status >= 0 && status <= 4)) return fail(cmsError(302));
      const listed = context.storage(context.settings.preferredStorages[0]).list(status as MessageStatus | 4, true);
      return done(...listed.flatMap((message) => listingLines(message)));
    },
  },
  '+CMGD': {
    needsSim: 'sms',
    handle: (command, context) => {
      const storage = context.storage(context.settings.preferredStorages[0]);
      if (command.form === 'test') return done(`+CMGD: (${storage.indexes().join(',')}),(0-4)`);
      const parameters = splitAtParameters(command.argument);
      const index = integerParameter(parameters, 0, Number.NaN);
      const flag = integerParameter(parameters, 1, 0);
      if (!(flag >= 0 && flag <= 4)) return fail(cmsError(302));
      if (flag > 0) {
        storage.deleteByFlag(flag as 1 | 2 | 3 | 4);
        return done();
      }
      if (!(index >= 1 && index <= storage.capacity)) return fail(cmsError(321));
      storage.delete(index);
      return done();
    },
  },
};

function listingLines(message: StoredMessage): string[] {
  return [`+CMGL: ${message.index},${message.status},,${message.tpduLength}`, message.pdu];
}

/** The PDU typed at the prompt, or null when it is not hex or its TPDU length is not the announced one. */
function checkedPdu(input: string, announcedLength: number): string | null {
  const pdu = input.replace(/\s+/g, '').toUpperCase();
  if (pdu.length < 4 || !/^([0-9A-F]{2})+$/.test(pdu)) return null;
  return tpduLengthOf(pdu) === announcedLength ? pdu : null;
}
