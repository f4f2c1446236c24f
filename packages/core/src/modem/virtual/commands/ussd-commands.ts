import { decodeGsm7, encodeGsm7, hexToOctets, octetsToHex, packSeptets, padPackedSeptets, unpackSeptets, unpadPackedSeptets } from '../../../codec';
import type { CommandContext, CommandTable } from '../command-context';
import { done, fail } from '../command-outcome';
import { cmeError, error } from '../final-result-code';
import { integerParameter, splitAtParameters } from '../parse-at-command-line';
import { ucs2Octets } from '../pdu/segment-user-data';
import { decodeTeString, encodeTeString } from '../te-character-set';
import type { UssdReply } from '../ussd-session';

/** `AT+CUSD` (TS 27.007 §7.15): USSD requests answered from the menu tree, before or after `OK`. */
export const ussdCommands: CommandTable = {
  '+CUSD': {
    handle: (command, context) => {
      if (command.form === 'read') return done(`+CUSD: ${context.settings.ussdPresentation}`);
      if (command.form === 'test') return done('+CUSD: (0-2)');
      const parameters = splitAtParameters(command.argument);
      const n = integerParameter(parameters, 0, 0);
      if (!(n >= 0 && n <= 2)) return fail(error);
      if (n === 2) {
        context.ussd.cancel();
        return done();
      }
      context.settings.ussdPresentation = n;
      const request = parameters[1];
      if (!request) return done();
      if (context.radio.registration !== 1 && context.radio.registration !== 5) return fail(cmeError(30));
      const reply = context.ussd.send(decodeRequest(request.value, context));
      if (reply.status === 1) closeWhenUnanswered(context);
      if (n === 0) return done();
      const line = formatReply(reply, context);
      if (context.ussd.behaviour.replyTiming === 'before-ok') return done(line);
      context.later(context.ussd.behaviour.replyDelayMs, () => context.emitUnsolicited([line]));
      return done();
    },
  },
};

/** The network gives up on a menu nobody answers: `+CUSD: 2` (TS 27.007 §7.15). */
function closeWhenUnanswered(context: CommandContext): void {
  const step = context.ussd.generation;
  context.later(context.ussd.behaviour.sessionTimeoutMs, () => {
    if (context.ussd.generation !== step || !context.ussd.isOpen) return;
    context.ussd.cancel();
    if (context.settings.ussdPresentation === 1) context.emitUnsolicited(['+CUSD: 2']);
  });
}

function decodeRequest(text: string, context: CommandContext): string {
  const isHex = /^([0-9A-Fa-f]{2})+$/.test(text);
  if (context.profile.ussdPackedHex && isHex) {
    const octets = hexToOctets(text);
    return decodeGsm7(unpadPackedSeptets(unpackSeptets(octets, Math.floor((octets.length * 8) / 7))));
  }
  return decodeTeString(text, context.settings.characterSet) ?? text;
}

function formatReply(reply: UssdReply, context: CommandContext): string {
  if (reply.text === undefined) return `+CUSD: ${reply.status}`;
  const dcs = context.ussd.behaviour.dcs;
  return `+CUSD: ${reply.status},"${encodeReplyText(reply.text, dcs, context)}",${dcs}`;
}

function encodeReplyText(text: string, dcs: number, context: CommandContext): string {
  if (dcs === 72) return octetsToHex(ucs2Octets(text));
  if (context.profile.ussdPackedHex) {
    return octetsToHex(packSeptets(padPackedSeptets(encodeGsm7(text))));
  }
  return encodeTeString(text, context.settings.characterSet);
}
