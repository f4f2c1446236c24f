import { InvalidRequestError } from '../../errors/gateway-errors';
import { connectionIdentity } from '../../reports/connection-identity';
import type { DeliveryReportListing, DeliveryReportListingContext, DeliveryReportPage, DeliveryReportReader } from '../../reports/delivery-report-listing';
import { StatusJournal } from '../../reports/status-journal';
import { modemPortSettings } from './modem-connection-fields';
import { ModemHub } from './modem-hub';
import type { ModemLease } from './modem-lease';
import { modemVendor } from './modem-vendor';

/**
 * A modem's delivery reports for a polling host. The driver reads each status report from the SIM
 * as the modem indicates it (`+CDSI`), or when the port opens (the reports filed while nobody had
 * it open), hands it to the port's report subscribers and deletes it: a report is on the SIM only
 * while the port is closed. So the reader subscribes before it opens the port, lets the opening
 * sweep run, and lists what the host's {@link StatusJournal} holds for this port: what this
 * reader heard, and what every other subscribed client of the host heard between two polls.
 */
export class ModemReportReader implements DeliveryReportReader {
  private readonly unsubscribe: () => void;

  constructor(
    private readonly lease: ModemLease,
    private readonly journal: StatusJournal,
    private readonly source: string,
  ) {
    this.unsubscribe = lease.onStatusReport((status) => journal.record(source, status));
  }

  async reports(cursor?: string): Promise<DeliveryReportPage> {
    // Opens the port if needed; the receiver's work runs in order, so once this listing is back the
    // opening sweep (which reads the stored reports) is done.
    await this.lease.inbox();
    const page = this.journal.read(this.source, cursor);
    return { reports: page.statuses, cursor: page.position };
  }

  async close(): Promise<void> {
    this.unsubscribe();
    await this.lease.release();
  }
}

/** The modem in the table of delivery report listings. */
export const modemReportListing: DeliveryReportListing = {
  gateway: 'modem',
  keeps: 'journal',
  description:
    'Status reports the modem filed on the SIM, read when the port opens and as they arrive while it is open; the driver deletes each one it read, so reports read but not listed yet live only in the host\'s journal.',
  open(settings, context: DeliveryReportListingContext = {}) {
    if (!(context.modemHub instanceof ModemHub)) {
      throw new InvalidRequestError('Listing a modem\'s delivery reports needs the host\'s ModemHub (context.modemHub), which owns the serial ports.', { details: { gateway: 'modem' } });
    }
    const lease = context.modemHub.acquire(modemPortSettings(settings));
    return new ModemReportReader(lease, context.journal ?? new StatusJournal(), connectionIdentity(modemVendor, settings));
  },
};
