import { systemClock, type Clock } from '../../clock/clock';
import type { DeliveryStatus, InboundMessage, SendResult, UssdExchange } from '../../model';
import type { ModemDeviceInfo } from '../../modem/device/device-info';
import { GsmModem } from '../../modem/gsm-modem';
import type { ModemProfileName } from '../../modem/virtual/profiles/modem-profile';
import { VirtualModem } from '../../modem/virtual/virtual-modem';
import { withinDeadline } from './bounded-wait';
import { demoModem, demoUssdMenu } from './demo-samples';

export interface ModemWalkthroughOptions {
  clock?: Clock;
  /** Longest wait for the modem, a report or a message (default 10 s). */
  timeoutMs?: number;
  profile?: ModemProfileName;
}

export interface ModemWalkthrough {
  profile: ModemProfileName;
  info: ModemDeviceInfo;
  sent: { text: string; result: SendResult; reports: DeliveryStatus[] };
  received: { injectedOrder: number[]; message: InboundMessage };
  ussd: UssdExchange;
}

/**
 * The real driver (`GsmModem`) on an in-process virtual SIM800: device facts, a multipart Unicode
 * SMS with per-part status reports, a two-part SMS arriving out of order and put back together,
 * and a USSD balance request. The modem is closed again whatever happens.
 */
export async function runModemWalkthrough(options: ModemWalkthroughOptions = {}): Promise<ModemWalkthrough> {
  const clock = options.clock ?? systemClock;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const profile = options.profile ?? 'simcom';
  const bounded = <T>(work: Promise<T>, what: string) => withinDeadline(work, what, timeoutMs, clock);

  const virtualModem = new VirtualModem({
    profile,
    clock,
    ussdMenu: demoUssdMenu,
    // Real networks take seconds; a short delay keeps the demo quick while reports still come after the send.
    network: { deliveryDelayMs: 150 },
    ussd: { replyDelayMs: 50 },
    bootDelayMs: 10,
  });
  const modem = new GsmModem({ transport: () => virtualModem.transport(), clock, reconnect: false });
  const reports: DeliveryStatus[] = [];
  const reportsArrived = new Set<() => void>();
  modem.on('status-report', (status) => {
    reports.push(status);
    for (const check of reportsArrived) check();
  });
  const firstMessage = new Promise<InboundMessage>((resolve) => modem.on('message', (message) => resolve(message)));

  try {
    await bounded(modem.start(), `the virtual ${profile} modem to start`);
    const info = await bounded(modem.info(), 'the device information');

    const [result] = await bounded(modem.send({ to: [demoModem.to], text: demoModem.text, statusReport: true }), 'the modem to send');
    const expected = result!.partIds?.length ?? result!.parts;
    await bounded(
      new Promise<void>((resolve) => {
        const check = () => {
          if (reports.length < expected) return;
          reportsArrived.delete(check);
          resolve();
        };
        reportsArrived.add(check);
        check();
      }),
      `${expected} status reports`,
    );

    const injectedOrder = [2, 1];
    virtualModem.injectSms({ from: demoModem.inbound.from, text: demoModem.inbound.text, partOrder: injectedOrder });
    const message = await bounded(firstMessage, 'the two-part SMS to be reassembled');

    const ussd = await bounded(modem.ussd(demoModem.ussdCode), `the reply to ${demoModem.ussdCode}`);
    return { profile, info, sent: { text: demoModem.text, result: result!, reports: [...reports] }, received: { injectedOrder, message }, ussd };
  } finally {
    await modem.close();
    virtualModem.close();
  }
}
