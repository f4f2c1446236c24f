import { InvalidRequestError } from '../../errors/gateway-errors';
import type { DeliveryReportListing, DeliveryReportListingContext, DeliveryReportPage, DeliveryReportReader } from '../../reports/delivery-report-listing';
import { modemPortSettings } from './modem-connection-fields';
import { ModemHub } from './modem-hub';
import type { ModemLease } from './modem-lease';
import { readModemReportCursor, storedReportFingerprint, writeModemReportCursor } from './modem-report-cursor';

/**
 * A modem's delivery reports for a polling host, straight from the SIM. The driver leaves a
 * status report stored while no subscriber takes it, so the SIM is the store: each poll first
 * deletes the reports the previous page handed out (the host passes its cursor back only after it
 * handed that page on), then lists what is still stored. A host stopped between two polls lists
 * the same reports again with its last cursor; none is lost, none skipped.
 */
export class ModemReportReader implements DeliveryReportReader {
  constructor(private readonly lease: ModemLease) {}

  async reports(cursor?: string): Promise<DeliveryReportPage> {
    const handedOut = readModemReportCursor(cursor);
    let stored = await this.lease.storedReports();
    const acknowledged = stored.filter((report) => handedOut.has(storedReportFingerprint(report)));
    if (acknowledged.length > 0) {
      await this.lease.deleteStoredReports(acknowledged);
      stored = stored.filter((report) => !handedOut.has(storedReportFingerprint(report)));
    }
    return { reports: stored, cursor: writeModemReportCursor(stored.map(storedReportFingerprint)) };
  }

  async close(): Promise<void> {
    await this.lease.release();
  }
}

/** The modem in the table of delivery report listings. */
export const modemReportListing: DeliveryReportListing = {
  gateway: 'modem',
  keeps: 'gateway',
  description:
    'Status reports the modem filed on the SIM; each stays there until the poll after the one that listed it (or until a subscribed client took it), so a stopped host lists it again.',
  open(settings, context: DeliveryReportListingContext = {}) {
    if (!(context.modemHub instanceof ModemHub)) {
      throw new InvalidRequestError('Listing a modem\'s delivery reports needs the host\'s ModemHub (context.modemHub), which owns the serial ports.', { details: { gateway: 'modem' } });
    }
    return new ModemReportReader(context.modemHub.acquire(modemPortSettings(settings)));
  },
};
