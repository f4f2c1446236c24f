import { encodeSubmit } from '../../../codec';
import type { CommandContext, CommandTable } from '../command-context';
import { done, fail, prompt, type CommandOutcome } from '../command-outcome';
import { cmsError, error } from '../final-result-code';
import { tpduLengthOf, type MessageStatus, type StoredMessage } from '../message-storage';
import { integerParameter, splitAtParameters } from '../parse-at-command-line';
import { decodeTeString } from '../te-character-set';
import { textModeMessage, textModeStatus, textModeStatusCode } from '../text-mode-format';

const maxTpduOctets = 164;
const statusNames = ['REC UNREAD', 'REC READ', 'STO UNSENT', 'STO SENT', 'ALL'];

/** Sending, writing, reading, listing and deleting messages (TS 27.005 §3.4–3.5), PDU and text mode. */
export const smsMessageCommands: CommandTable = {
  '+CMGS': {
    needsSim: 'sms',
    handle: (command, context) => {
      if (command.form === 'test') return done();
      if (command.form !== 'set') return fail(error);
      const send = (pdu: string): CommandOutcome => {
        const sent = context.submitToNetwork(pdu);
        return 'error' in sent ? fail(sent.error) : done(`+CMGS: ${sent.messageReference}`);
      };
      if (context.settings.messageFormat === 1) {
        const destination = textModeDestination(command.argument, context);
        if (destination === null) return fail(cmsError(304));
        return prompt((input) => {
          const pdu = textModeSubmit(destination, input, context);
          return pdu === null ? fail(cmsError(304)) : send(pdu);
        });
      }
      const length = integerParameter(splitAtParameters(command.argument), 0, Number.NaN);
      if (!(length >= 1 && length <= maxTpduOctets)) return fail(cmsError(304));
      return prompt((input) => {
        const pdu = checkedPdu(input, length);
        return pdu === null ? fail(cmsError(304)) : send(pdu);
      });
    },
  },
  '+CMGW': {
    needsSim: 'sms',
    handle: (command, context) => {
      if (command.form === 'test') return done();
      if (command.form !== 'set') return fail(error);
      const write = (pdu: string, status: MessageStatus): CommandOutcome => {
        const stored = context.storage(context.settings.preferredStorages[1]).store(pdu, status);
        return stored ? done(`+CMGW: ${stored.index}`) : fail(cmsError(322));
      };
      const parameters = splitAtParameters(command.argument);
      if (context.settings.messageFormat === 1) {
        const destination = textModeDestination(command.argument, context);
        const status = parameters[2] ? textModeStatusCode(parameters[2].value) : 2;
        if (destination === null || status === null || status === 4) return fail(cmsError(304));
        return prompt((input) => {
          const pdu = textModeSubmit(destination, input, context);
          return pdu === null ? fail(cmsError(304)) : write(pdu, status);
        });
      }
      const length = integerParameter(parameters, 0, Number.NaN);
      const status = integerParameter(parameters, 1, 2);
      if (!(length >= 1 && length <= maxTpduOctets) || !(status >= 0 && status <= 3)) return fail(cmsError(304));
      return prompt((input) => {
        const pdu = checkedPdu(input, length);
        return pdu === null ? fail(cmsError(304)) : write(pdu, status as MessageStatus);
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
      if (context.settings.messageFormat === 1) {
        const shown = textModeMessage(message.pdu, context.settings.characterSet);
        const header = `+CMGR: "${textModeStatus(message.status)}",${shown.header}`;
        return shown.text === null ? done(header) : done(header, shown.text);
      }
      return done(`+CMGR: ${message.status},,${message.tpduLength}`, message.pdu);
    },
  },
  '+CMGL': {
    needsSim: 'sms',
    handle: (command, context) => {
      const textMode = context.settings.messageFormat === 1;
      if (command.form === 'test') return done(textMode ? `+CMGL: (${statusNames.map((name) => `"${name}"`).join(',')})` : '+CMGL: (0-4)');
      const parameter = splitAtParameters(command.argument)[0];
      const status = textMode
        ? parameter
          ? parameter.quoted
            ? textModeStatusCode(parameter.value)
            : null
          : 0
        : parameter?.quoted
          ? null
          : integerParameter(parameter ? [parameter] : [], 0, 0);
      if (status === null || !(status >= 0 && status <= 4)) return fail(cmsError(302));
      const listed = context.storage(context.settings.preferredStorages[0]).list(status as MessageStatus | 4, true);
      return done(...listed.flatMap((message) => (textMode ? textListingLines(message, context) : listingLines(message))));
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

function textListingLines(message: StoredMessage, context: CommandContext): string[] {
  const shown = textModeMessage(message.pdu, context.settings.characterSet);
  const header = `+CMGL: ${message.index},"${textModeStatus(message.status)}",${shown.header}`;
  return shown.text === null ? [header] : [header, shown.text];
}

/** The `"<da>"` of a text-mode `AT+CMGS`/`AT+CMGW`, decoded from the TE character set. */
function textModeDestination(argument: string, context: CommandContext): string | null {
  const first = splitAtParameters(argument)[0];
  if (!first?.quoted) return null;
  const destination = decodeTeString(first.value, context.settings.characterSet);
  return destination && /^\+?[0-9*#]{1,20}$/.test(destination) ? destination : null;
}

/**
 * The SUBMIT a text-mode send builds from the typed text and `AT+CSMP` (first octet bit 5 =
 * status report, DCS 8 = UCS-2); one part only, as text mode has no concatenation.
 */
function textModeSubmit(destination: string, typed: string, context: CommandContext): string | null {
  const text = decodeTeString(typed.replace(/\n/g, '\r'), context.settings.characterSet);
  if (text === null) return null;
  const [firstOctet, , protocolId, dcs] = context.settings.textModeParameters;
  try {
    const parts = encodeSubmit({
      to: destination,
      text,
      encoding: (dcs & 0x0c) === 0x08 ? 'ucs2' : 'auto',
      statusReport: (firstOctet & 0x20) !== 0,
      protocolId,
    });
    return parts.length === 1 ? parts[0]!.pdu : null;
  } catch {
    return null;
  }
}

/** The PDU typed at the prompt, or null when it is not hex or its TPDU length is not the announced one. */
function checkedPdu(input: string, announcedLength: number): string | null {
  const pdu = input.replace(/\s+/g, '').toUpperCase();
  if (pdu.length < 4 || !/^([0-9A-F]{2})+$/.test(pdu)) return null;
  return tpduLengthOf(pdu) === announcedLength ? pdu : null;
}
