import { createInterface } from 'node:readline';
import { modemProfiles } from '../../modem/virtual/profiles/resolve-modem-profile';
import type { ModemProfileName } from '../../modem/virtual/profiles/modem-profile';
import { startVirtualModemOnPty, type PtyVirtualModem } from '../../modem/virtual/pty-virtual-modem';
import { VirtualModemError } from '../../modem/virtual/virtual-modem-error';
import type { CliCommand, CliIo } from '../cli-command';
import { CliUsageError } from '../cli-usage-error';
import { parseChoiceOption, parseCommandArgs, parseIntegerOption } from '../parse-command-args';

const name = 'modem-sim';
const profileNames = Object.keys(modemProfiles) as ModemProfileName[];

export const modemSimCommand: CliCommand = {
  name,
  summary: 'run a virtual GSM modem on a pseudo-terminal until Ctrl-C',
  usage: `Usage: smsbridge modem-sim [options]

Starts a virtual AT modem behind a pseudo-terminal (needs socat) that serial clients, Gammu and
the smsbridge modem driver open like /dev/ttyUSB0. Prints one JSON line
{"device", "profile", "manufacturer", "model", "imei", "ownNumber", "smsc", "control"} and then
one JSON line per event (submit, delivery). Runs until SIGINT/SIGTERM.

Control it by writing JSON lines to stdin:
  {"injectSms": {"from": "+447700900555", "text": "hi", "messageClass": 0}}
  {"injectPdu": "<hex with SMSC part>"}
  {"failNextSend": 38}          {"registration": 0}           {"replyDelayMs": 2000}
  {"vanish": true}              {"reappear": "ttyUSB1"}       {"unsolicited": "RING"}

  --profile <name>         vendor dialect: ${profileNames.join(', ')} (default simcom)
  --pin <digits>           the SIM asks for this PIN
  --own-number <number>    the SIM's number; messages sent to it come back (default +447700900001)
  --delivery-delay-ms <n>  submit-to-delivery delay of the simulated network (default 2000)
  --directory <path>       where the device link goes (default a new temporary directory)
  --link-name <name>       file name of the device link (default modem)

Example:
  smsbridge modem-sim --profile quectel --pin 1234

Exit codes: 0 stopped by Ctrl-C or SIGTERM, 1 it could not start (e.g. socat missing),
2 bad command line.
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(name, args, {
      profile: { type: 'string' },
      pin: { type: 'string' },
      'own-number': { type: 'string' },
      'delivery-delay-ms': { type: 'string' },
      directory: { type: 'string' },
      'link-name': { type: 'string' },
    });
    if (positionals.length > 0) throw new CliUsageError(`unexpected argument '${positionals[0]}'`, name);
    const profile = parseChoiceOption(name, 'profile', values.profile ?? 'simcom', profileNames);
    const deliveryDelayMs =
      values['delivery-delay-ms'] === undefined ? 2000 : parseIntegerOption(name, 'delivery-delay-ms', values['delivery-delay-ms'], 0, 86_400_000);
    if (values.pin !== undefined && !/^\d{4,8}$/.test(values.pin)) throw new CliUsageError('--pin must be 4 to 8 digits', name);
    if (io.signal.aborted) return 0;
    const pty = await startVirtualModemOnPty({
      profile,
      pin: values.pin ?? null,
      ownNumber: values['own-number'],
      network: { deliveryDelayMs },
      directory: values.directory,
      linkName: values['link-name'],
    });
    try {
      const print = (value: unknown) => io.stdout.write(`${JSON.stringify(value)}\n`);
      const { modem } = pty;
      print({
        device: pty.path,
        profile,
        manufacturer: modem.profile.manufacturer,
        model: modem.profile.model,
        imei: modem.profile.imei,
        ownNumber: modem.radio.ownNumber,
        smsc: modem.radio.smscNumber,
        control: 'JSON lines on stdin: injectSms, injectPdu, failNextSend, registration, replyDelayMs, vanish, reappear, unsolicited',
      });
      modem.on('submit', (message) => print({ event: 'submit', ...message }));
      modem.on('delivery', (delivery) => print({ event: 'delivery', ...delivery }));
      pty.on('ready', (device: string) => print({ event: 'device', device }));
      const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
      lines.on('line', (line) => {
        if (line.trim() === '') return;
        void applyControl(pty, line).then(
          (result) => print({ event: 'control', ok: true, ...result }),
          (error: unknown) => print({ event: 'control', ok: false, error: error instanceof Error ? error.message : String(error) }),
        );
      });
      await waitForAbort(io);
      lines.close();
    } finally {
      await pty.close();
    }
    return 0;
  },
};

/** Applies one control line from stdin. */
async function applyControl(pty: PtyVirtualModem, line: string): Promise<Record<string, unknown>> {
  const control = JSON.parse(line) as Record<string, unknown>;
  const { modem } = pty;
  if (control.injectSms !== undefined) return { pdus: modem.injectSms(control.injectSms as Parameters<typeof modem.injectSms>[0]) };
  if (typeof control.injectPdu === 'string') return { delivery: modem.injectPdu(control.injectPdu) };
  if (typeof control.failNextSend === 'number') modem.failNextSend(control.failNextSend);
  else if (typeof control.registration === 'number') modem.setRegistration(control.registration as 0 | 1 | 2 | 3 | 4 | 5);
  else if (typeof control.replyDelayMs === 'number') modem.setReplyDelay(control.replyDelayMs);
  else if (typeof control.unsolicited === 'string') modem.emitUnsolicited(control.unsolicited);
  else if (control.vanish === true) await pty.vanish();
  else if (control.reappear !== undefined) return { device: await pty.reappear(typeof control.reappear === 'string' ? control.reappear : undefined) };
  else throw new VirtualModemError('SMSB_VMODEM_BAD_INJECTION', `unknown control ${JSON.stringify(Object.keys(control))}`);
  return {};
}

function waitForAbort(io: CliIo): Promise<void> {
  return new Promise((resolve) => {
    if (io.signal.aborted) resolve();
    else io.signal.addEventListener('abort', () => resolve(), { once: true });
  });
}
