import {
  InvalidRequestError,
  ModemHub,
  StatusJournal,
  connectionIdentity,
  createVendorRegistry,
  deliveryReportListingOf,
  objectSentPartStore,
  readFields,
  type DeliveryReportReader,
  type GatewayClient,
  type GatewayKey,
  type SentPartReference,
  type VendorEntry,
  type VendorRegistry,
} from '@smsbridge/core';
import { GATEWAY_CREDENTIALS } from './GatewayCredentials';

/**
 * What the n8n process hosts for every smsbridge node: the vendor registry and the one ModemHub,
 * so that every node and trigger using a modem port shares one connection to it (the hub counts
 * users and closes the port after the last one). Module-level on purpose: n8n loads this package
 * once per process, and the process is the host that owns the serial ports.
 */
export const registry: VendorRegistry = createVendorRegistry();
/**
 * What a modem sent, by its message reference, for every port of the process: the hub closes a
 * port after its last user, and a status report read when it opens again must still find the
 * message id SMS Send returned (lost with the process, like the reports not yet listed).
 */
const sentParts: Record<string, SentPartReference> = {};
export const modemHub: ModemHub = new ModemHub({ driver: { sentParts: objectSentPartStore(sentParts) } });
/**
 * Delivery reports the smsbridge clients of this process heard, for a report listing that keeps
 * them in the host (`keeps: 'journal'`) until an SMS Trigger lists them. The built-in listings
 * keep theirs on the gateway (Dinstar's report log, the modem's SIM), so none uses it today.
 */
export const statusJournal: StatusJournal = new StatusJournal();

/** Credential values as n8n hands them over, without n8n's own bookkeeping keys. */
export function connectionValues(entry: VendorEntry, credentials: Record<string, unknown>): Record<string, unknown> {
  const names = new Set(entry.connection.map((field) => field.name));
  return Object.fromEntries(Object.entries(credentials).filter(([name]) => names.has(name)));
}

/** A client for `gateway` from the node's credential, behind the core's contract checks. */
export function openClient(gateway: GatewayKey, credentials: Record<string, unknown>): GatewayClient {
  const entry = registry.get(gateway);
  const values = connectionValues(entry, credentials);
  const client = registry.open(gateway, values, { modemHub });
  if (client.subscribe && deliveryReportListingOf(gateway)?.keeps === 'journal') {
    // Ends with the client (its lease); a report is recorded once however many clients heard it.
    const source = connectionIdentity(entry, readConnection(entry, values));
    client.subscribe({ status: (status) => statusJournal.record(source, status) });
  }
  return client;
}

/** A reader of the gateway's delivery reports, for gateways that let them be listed. */
export function openReportReader(gateway: GatewayKey, credentials: Record<string, unknown>): DeliveryReportReader {
  const entry = registry.get(gateway);
  const listing = deliveryReportListingOf(gateway);
  if (!listing) {
    throw new InvalidRequestError(`${entry.describe.displayName} cannot list its delivery reports: set Events to "Received SMS", and use the SMS Webhook Trigger or SMS Status for reports.`, {
      details: { gateway },
    });
  }
  return listing.open(readConnection(entry, connectionValues(entry, credentials)), { modemHub, journal: statusJournal });
}

function readConnection(entry: VendorEntry, values: Record<string, unknown>): Record<string, unknown> {
  return readFields({ gateway: entry.key, label: `The ${entry.describe.displayName} setting` }, entry.connection, values);
}

/** The gateway whose credential type this is (credential tests receive only the type). */
export function gatewayOfCredential(credentialType: string): GatewayKey | undefined {
  return (Object.entries(GATEWAY_CREDENTIALS) as [GatewayKey, { name: string }][]).find(([, credential]) => credential.name === credentialType)?.[0];
}
