import { modemReportListing } from '../modem/gateway/modem-report-listing';
import type { GatewayKey } from '../vendors/gateway-client';
import { dinstarReportListing } from '../vendors/dinstar/dinstar-report-listing';
import type { DeliveryReportListing } from './delivery-report-listing';

/**
 * The gateways whose delivery reports can be listed (polled) rather than only pushed or asked for
 * by message id. Diafaan and the span gateway answer a status per message (and push), Jasmin and
 * Route Mobile only push: they have none.
 */
const BUILT_IN_REPORT_LISTINGS: readonly DeliveryReportListing[] = [dinstarReportListing, modemReportListing];

/** The delivery report listing of `gateway`, if it has one. */
export function deliveryReportListingOf(gateway: GatewayKey | string): DeliveryReportListing | undefined {
  return BUILT_IN_REPORT_LISTINGS.find((listing) => listing.gateway === gateway);
}
