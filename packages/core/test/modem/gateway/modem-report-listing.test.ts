/**
 * A modem's delivery reports listed for a polling host, with virtual modems behind the serialport
 * binding: the reports the modem filed on the SIM while the port was closed come with the next
 * listing (matched to the send's message id through the host's sent-part store), the ones read
 * while another client held the port come from the host's journal, and none comes twice.
 */
import { objectSentPartStore } from '../../../src/modem/sms/message-reference-registry';
import { connectionIdentity } from '../../../src/reports/connection-identity';
import { deliveryReportListingOf } from '../../../src/reports/built-in-report-listings';
import { StatusJournal } from '../../../src/reports/status-journal';
import { modemVendor } from '../../../src/modem/gateway/modem-vendor';
import { InvalidRequestError } from '../../../src/errors';
import { waitUntil } from '../helpers/wait-until';
import { PORT, virtualModemPorts } from './virtual-modem-ports';

const driver = { reconnect: { initialDelayMs: 10, maxDelayMs: 20 }, commandTimeoutMs: 1000, sendTimeoutMs: 1000, probeTimeoutMs: 200, probeAttempts: 2 };
const settings = { port: PORT, baudRate: 115200 };

it('lists reports filed on the SIM while the port was closed, and those other clients heard, each once', async () => {
  const ports = virtualModemPorts({}, { driver: { ...driver, sentParts: objectSentPartStore({}) } });
  const journal = new StatusJournal();
  const listing = deliveryReportListingOf('modem')!;
  expect(listing.keeps).toBe('journal');
  try {
    // Sent and closed: the report reaches a modem nobody listens to, which files it on the SIM.
    const sender = ports.open();
    const [sent] = await sender.send({ to: ['+447700900201'], text: 'report me', statusReport: true });
    await sender.close();
    expect(ports.counts.open).toBe(0);
    await waitUntil(() => ports.modem.storage('SR').used === 1, 'the report is filed on the SIM');

    const reader = listing.open(settings, { modemHub: ports.hub, journal });
    const first = await reader.reports();
    expect(first.reports.map((report) => [report.messageId, report.state, report.gateway])).toEqual([[sent!.messageId, 'delivered', 'modem']]);
    await reader.close();

    // Another client holds the port open and hears the next report (as the host's clients do): the journal keeps it.
    const other = ports.open();
    other.subscribe!({ status: (status) => journal.record(connectionIdentity(modemVendor, settings), status) });
    const [second] = await other.send({ to: ['+447700900202'], text: 'and me', statusReport: true });
    await waitUntil(() => journal.read(connectionIdentity(modemVendor, settings), first.cursor).statuses.length === 1, 'the other client heard the report');
    await other.close();

    const again = listing.open(settings, { modemHub: ports.hub, journal });
    const next = await again.reports(first.cursor);
    expect(next.reports.map((report) => report.messageId)).toEqual([second!.messageId]);
    expect((await again.reports(next.cursor)).reports).toEqual([]);
    await again.close();
    expect(ports.counts.open).toBe(0);
  } finally {
    await ports.cleanup();
  }
});

it('needs the host\'s hub', () => {
  expect(() => deliveryReportListingOf('modem')!.open(settings, {})).toThrow(InvalidRequestError);
});
