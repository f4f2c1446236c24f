/**
 * A modem's delivery reports listed for a polling host, with virtual modems behind the serialport
 * binding. The SIM is the store: a report read while nobody subscribes stays filed, a poll lists
 * it without deleting it, and only the next poll (the host passing back the cursor of the page it
 * handed on) deletes it. A host that stops before that next poll lists it again after a restart.
 */
import { InvalidRequestError } from '../../../src/errors';
import { ModemHub } from '../../../src/modem/gateway/modem-hub';
import { objectSentPartStore, type SentPartReference } from '../../../src/modem/sms/message-reference-registry';
import { createVirtualModemBinding } from '../../../src/modem/virtual/virtual-modem-binding';
import { deliveryReportListingOf } from '../../../src/reports/built-in-report-listings';
import { waitUntil } from '../helpers/wait-until';
import { PORT, virtualModemPorts } from './virtual-modem-ports';

const driver = { reconnect: { initialDelayMs: 10, maxDelayMs: 20 }, commandTimeoutMs: 1000, sendTimeoutMs: 1000, probeTimeoutMs: 200, probeAttempts: 2 };
const settings = { port: PORT, baudRate: 115200 };

it('keeps a report on the SIM until the poll after the one that listed it, so a host stopped in between lists it again', async () => {
  // The host's sent-part store outlives its hub, as the n8n process keeps it; a restarted host with a persisted one finds the same id.
  const sentParts: Record<string, SentPartReference> = {};
  const ports = virtualModemPorts({}, { driver: { ...driver, sentParts: objectSentPartStore(sentParts) } });
  const listing = deliveryReportListingOf('modem')!;
  expect(listing.keeps).toBe('gateway');
  let restarted: ModemHub | undefined;
  try {
    // The port stays open while the report comes: the driver reads it on its +CDSI, with nobody subscribed.
    const sender = ports.open();
    const [sent] = await sender.send({ to: ['+447700900201'], text: 'report me', statusReport: true });
    await waitUntil(() => ports.modem.commandLog.some((command) => /^\+CMGR=/.test(command)), 'the indicated report was read');
    await sender.inbox!(); // receiver work runs in order: the report's handling is over once this is back
    expect(ports.modem.storage('SR').used).toBe(1);

    const reader = listing.open(settings, { modemHub: ports.hub });
    const first = await reader.reports();
    expect(first.reports.map((report) => [report.messageId, report.state, report.gateway])).toEqual([[sent!.messageId, 'delivered', 'modem']]);
    expect(ports.modem.storage('SR').used).toBe(1);
    await reader.close();
    await sender.close();
    expect(ports.counts.open).toBe(0);

    // The host stops before it stored the cursor (before its next poll); a restarted host has a new hub and no cursor.
    restarted = new ModemHub({ binding: createVirtualModemBinding(ports.modems), driver: { ...driver, sentParts: objectSentPartStore(sentParts) } });
    const again = listing.open(settings, { modemHub: restarted });
    const replay = await again.reports();
    expect(replay.reports.map((report) => report.messageId)).toEqual([sent!.messageId]);
    expect(replay.cursor).toBe(first.cursor);

    const next = await again.reports(replay.cursor);
    expect(next.reports).toEqual([]);
    expect(ports.modem.storage('SR').used).toBe(0);
    expect((await again.reports(next.cursor)).reports).toEqual([]);
    await again.close();
  } finally {
    await restarted?.close();
    await ports.cleanup();
  }
});

it('acknowledges only the reports the cursor names: one filed after the listing comes with the next poll', async () => {
  const ports = virtualModemPorts({}, { driver: { ...driver, sentParts: objectSentPartStore({}) } });
  try {
    const sender = ports.open();
    const [first] = await sender.send({ to: ['+447700900211'], text: 'one', statusReport: true });
    await waitUntil(() => ports.modem.storage('SR').used === 1, 'the first report was filed');
    const reader = deliveryReportListingOf('modem')!.open(settings, { modemHub: ports.hub });
    const page = await reader.reports();
    expect(page.reports.map((report) => report.messageId)).toEqual([first!.messageId]);

    const [second] = await sender.send({ to: ['+447700900212'], text: 'two', statusReport: true });
    await waitUntil(() => ports.modem.storage('SR').used === 2, 'the second report was filed');
    const next = await reader.reports(page.cursor);
    expect(next.reports.map((report) => report.messageId)).toEqual([second!.messageId]);
    expect(ports.modem.storage('SR').used).toBe(1);
    await reader.close();
  } finally {
    await ports.cleanup();
  }
});

it('refuses a cursor it did not write, and needs the host\'s hub', async () => {
  const ports = virtualModemPorts();
  try {
    const reader = deliveryReportListingOf('modem')!.open(settings, { modemHub: ports.hub });
    await expect(reader.reports('{"v":9}')).rejects.toThrow(InvalidRequestError);
    await reader.close();
  } finally {
    await ports.cleanup();
  }
  expect(() => deliveryReportListingOf('modem')!.open(settings, {})).toThrow(InvalidRequestError);
});
