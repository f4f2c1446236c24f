import { systemClock } from '../../clock/clock';
import type { CliCommand, CliIo } from '../cli-command';
import { codecWalkthroughJson, codecWalkthroughProse, runCodecWalkthrough } from '../demo/codec-walkthrough';
import { runGatewayWalkthrough } from '../demo/gateway-walkthrough';
import { gatewayWalkthroughProse } from '../demo/gateway-walkthrough-prose';
import { runModemWalkthrough } from '../demo/modem-walkthrough';
import { modemWalkthroughProse } from '../demo/modem-walkthrough-prose';
import { expectPositionals, parseChoiceOption, parseCommandArgs } from '../parse-command-args';

const name = 'demo';
const sections = ['codec', 'gateways', 'modem'] as const;
type DemoSection = (typeof sections)[number];

/** Each section's heading and how it runs; the prose and the JSON come from the same run. */
const sectionRunners: Record<DemoSection, { heading: string; run(): Promise<{ prose: string; json: unknown }> }> = {
  codec: {
    heading: 'Codec: how a text becomes SMS parts and PDUs',
    async run() {
      const walkthrough = runCodecWalkthrough();
      return { prose: codecWalkthroughProse(walkthrough, { pduHexWidth: 64 }), json: codecWalkthroughJson(walkthrough) };
    },
  },
  gateways: {
    heading: 'Gateways: five vendors, one client API',
    async run() {
      const walkthrough = await runGatewayWalkthrough();
      return { prose: gatewayWalkthroughProse(walkthrough), json: walkthrough };
    },
  },
  modem: {
    heading: 'Modem: the GSM driver on a virtual SIM800',
    async run() {
      const walkthrough = await runModemWalkthrough();
      return { prose: modemWalkthroughProse(walkthrough), json: walkthrough };
    },
  },
};

export const demoCommand: CliCommand = {
  name,
  summary: 'a tour in a few seconds: the codec, five gateway simulators and a virtual modem, all on 127.0.0.1',
  usage: `Usage: smsbridge demo [--section codec|gateways|modem]... [--json]

Shows what smsbridge does without any hardware or account, in this process only:
  codec     how texts split into SMS parts, encode to PDUs and decode again
  gateways  the five gateway simulators: a GSM-7 and a Unicode SMS through each vendor's client,
            followed to delivery (status polls or pushed delivery reports), a received SMS read
            from an inbox, and the typed error a wrong password gives
  modem     the GSM modem driver on a virtual SIM800: device facts, a multipart SMS with status
            reports, an out-of-order two-part SMS reassembled, a USSD request

  --section <name>   run only this section (repeatable); default all three
  --json             print one JSON document instead of the readable walk-through

Exit codes: 0 done, 1 a step did not turn out as expected, 2 bad command line.
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(name, args, {
      json: { type: 'boolean' },
      section: { type: 'string', multiple: true },
    });
    expectPositionals(name, positionals, []);
    const chosen = new Set((values.section ?? [...sections]).map((value) => parseChoiceOption(name, 'section', value, sections)));
    const ordered = sections.filter((section) => chosen.has(section));
    if (values.json) await printJson(ordered, io);
    else await printProse(ordered, io);
  },
};

async function printJson(ordered: readonly DemoSection[], io: CliIo): Promise<void> {
  const document: Partial<Record<DemoSection, unknown>> = {};
  for (const section of ordered) {
    if (io.signal.aborted) return;
    document[section] = (await sectionRunners[section].run()).json;
  }
  io.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
}

/** Each section is printed as soon as it has run, so a reader sees progress. */
async function printProse(ordered: readonly DemoSection[], io: CliIo): Promise<void> {
  const startedAt = systemClock.now();
  io.stdout.write('smsbridge demo: everything below runs in this process on 127.0.0.1; no SMS leaves your machine.\n');
  for (const [index, section] of ordered.entries()) {
    if (io.signal.aborted) return;
    const { heading, run } = sectionRunners[section];
    const { prose } = await run();
    io.stdout.write(`\n== ${index + 1}/${ordered.length} ${heading} ==\n\n${prose}`);
  }
  const seconds = ((systemClock.now() - startedAt) / 1000).toFixed(1);
  io.stdout.write(`\nDone in ${seconds} s. Everything it started is closed again.\n`);
}
