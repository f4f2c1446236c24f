import type { DeliveryStatus } from '../model/delivery-status';
import type { GatewayKey } from '../vendors/gateway-client';
import type { ConnectContext } from '../vendors/vendor-entry';
import type { StatusJournal } from './status-journal';

/** Delivery reports the cursor had not seen, and the cursor to hand back next time. */
export interface DeliveryReportPage {
  /** Oldest first. */
  reports: DeliveryStatus[];
  /** Opaque, JSON-serialisable and small (a few KB at most); persisted by the host between polls. */
  cursor: string;
}

/**
 * Lists a gateway's delivery reports for a polling host. Reading never removes anything a later
 * call would still need: a host that crashes before it handed a page on lists the same reports
 * again with its previous cursor (where the gateway keeps them; see the listing's `keeps`).
 */
export interface DeliveryReportReader {
  reports(cursor?: string): Promise<DeliveryReportPage>;
  /** Releases what the reader opened (an HTTP pool, a lease on a modem port). */
  close(): Promise<void>;
}

/** What a host hands to a listing besides the connection values. */
export interface DeliveryReportListingContext extends ConnectContext {
  /**
   * The host's journal of statuses its subscribed clients heard (a modem's indications), one per
   * process like the modem hub: a listing whose reports arrive by indication reads them there.
   */
  journal?: StatusJournal;
}

/**
 * How a gateway's delivery reports can be listed, where its API or device lets them be: which
 * gateways have one is data (`deliveryReportListingOf`), so hosts build their options from it.
 */
export interface DeliveryReportListing {
  readonly gateway: GatewayKey;
  /**
   * `gateway`: the gateway (or the modem's SIM) keeps its reports and lists them again until the
   * cursor passes them, also after a host restart. `journal`: reports are taken from the device as
   * they are read and kept in the host's {@link StatusJournal} until listed; a host stopped in
   * between loses the ones it had not listed yet (no built-in listing works this way any more).
   */
  readonly keeps: 'gateway' | 'journal';
  /** Where the reports come from, in a sentence a host can show. */
  readonly description: string;
  /** A reader for connection values already read by the entry's `connection` descriptors (as `connect` takes them). */
  open(settings: Readonly<Record<string, unknown>>, context?: DeliveryReportListingContext): DeliveryReportReader;
}
