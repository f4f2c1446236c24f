/**
 * The README's feature matrix is the registry's truth: the block between its markers is what
 * scripts/write-feature-matrix.js makes of the registry now, and every ✓ / — of it matches what the
 * hosts really offer (the gateways listed by each n8n node, the ways `sms in` can receive).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INodeProperties, INodeType } from 'n8n-workflow';
import { createVendorRegistry, deliveryReportListingOf, type VendorEntry } from '@smsbridge/core';
import { SmsGatewayAdmin } from '../../nodes/SmsGatewayAdmin/SmsGatewayAdmin.node';
import { SmsSend } from '../../nodes/SmsSend/SmsSend.node';
import { SmsStatus } from '../../nodes/SmsStatus/SmsStatus.node';
import { SmsTrigger } from '../../nodes/SmsTrigger/SmsTrigger.node';
import { SmsUssd } from '../../nodes/SmsUssd/SmsUssd.node';
import { SmsWebhookTrigger } from '../../nodes/SmsWebhookTrigger/SmsWebhookTrigger.node';
import { chooseReceiveMode } from '../../node-red/src/runtime/receive-mode';

type Cell = { available: boolean; text: string };
type Matrix = Record<'n8n' | 'node-red', Record<string, Record<string, Cell>>>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const script = require('../../scripts/write-feature-matrix.js') as {
  featureMatrix(entries: VendorEntry[], reportListingOf: typeof deliveryReportListingOf): Matrix;
  renderFeatureMatrix(entries: VendorEntry[], reportListingOf: typeof deliveryReportListingOf): string;
  currentFeatureMatrix(readme: string): string | undefined;
};

const ROOT = join(__dirname, '..', '..');
const entries = createVendorRegistry().list();
const matrix = script.featureMatrix(entries, deliveryReportListingOf);

function offered(cells: Record<string, Record<string, Cell>>, node: string): string[] {
  return entries.filter((entry) => cells[entry.key]![node]!.available).map((entry) => entry.key);
}

/** The gateways an n8n node lets the user pick: the `gateway` parameter, narrowed by `narrowTo` when the node shows a field only for some. */
function n8nGateways(node: INodeType, narrowTo?: string): string[] {
  const properties = node.description.properties as INodeProperties[];
  const gateway = properties.find((property) => property.name === 'gateway')!;
  const all = (gateway.options as { value: string }[]).map((option) => option.value);
  if (!narrowTo) return all;
  const shown = properties.find((property) => property.name === narrowTo)!.displayOptions!.show!['gateway'] as string[];
  return all.filter((key) => shown.includes(key));
}

function receives(entry: VendorEntry, mode: string): boolean {
  try {
    return chooseReceiveMode(entry, mode) === mode;
  } catch {
    return false;
  }
}

describe('README feature matrix', () => {
  it('is what scripts/write-feature-matrix.js makes of the vendor registry (run it after npm run build when this fails)', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const inReadme = script.currentFeatureMatrix(readme);
    expect(inReadme).toBeDefined();
    expect(inReadme).toBe(script.renderFeatureMatrix(entries, deliveryReportListingOf));
  });

  it('names every registry entry in each host', () => {
    expect(Object.keys(matrix.n8n)).toEqual(entries.map((entry) => entry.key));
    expect(Object.keys(matrix['node-red'])).toEqual(entries.map((entry) => entry.key));
  });

  it('says why wherever something is not possible', () => {
    for (const host of ['n8n', 'node-red'] as const) {
      for (const [gateway, row] of Object.entries(matrix[host])) {
        for (const [node, cell] of Object.entries(row)) {
          if (!cell.available) expect({ host, gateway, node, why: cell.text.replace(/^— /, '').length > 10 }).toEqual({ host, gateway, node, why: true });
        }
      }
    }
  });

  it('offers in n8n exactly the gateways each n8n node lists', () => {
    const n8n = matrix.n8n;
    expect(offered(n8n, 'SMS Send')).toEqual(n8nGateways(new SmsSend()));
    expect(offered(n8n, 'SMS Trigger (polling)')).toEqual(n8nGateways(new SmsTrigger()));
    expect(offered(n8n, 'SMS Webhook Trigger')).toEqual(n8nGateways(new SmsWebhookTrigger()));
    // SMS Status lists every gateway but asks for a message id only where it can query.
    expect(offered(n8n, 'SMS Status')).toEqual(n8nGateways(new SmsStatus(), 'messageId'));
    expect(offered(n8n, 'USSD')).toEqual(n8nGateways(new SmsUssd()));
    expect(offered(n8n, 'SMS Gateway Admin')).toEqual(n8nGateways(new SmsGatewayAdmin()));
  });

  it('says in n8n which gateways SMS Trigger lists delivery reports for: those whose trigger offers the Events option', () => {
    const properties = new SmsTrigger().description.properties as INodeProperties[];
    const withEvents = properties.filter((property) => property.name === 'events').flatMap((property) => (property.displayOptions?.show?.['gateway'] as string[] | undefined) ?? []);
    const saysReports = entries.filter((entry) => matrix.n8n[entry.key]!['SMS Trigger (polling)']!.text.includes('delivery reports')).map((entry) => entry.key);
    expect(saysReports).toEqual(entries.map((entry) => entry.key).filter((key) => withEvents.includes(key)));
    expect(saysReports.length).toBeGreaterThan(0);
  });

  it('says in Node-RED what sms in can do with each gateway', () => {
    for (const entry of entries) {
      const cell = matrix['node-red'][entry.key]!['sms in, output 1 (SMS)']!;
      const ways = ['poll', 'push', 'subscribe'].filter((mode) => receives(entry, mode));
      const inboundByPush = entry.push !== undefined && entry.push.carries.some((kind) => kind !== 'status');
      expect({ gateway: entry.key, poll: cell.text.includes('poll'), push: cell.text.includes('push'), indications: cell.text.includes('indications') }).toEqual({
        gateway: entry.key,
        poll: ways.includes('poll'),
        push: ways.includes('push') && inboundByPush,
        indications: ways.includes('subscribe'),
      });
    }
  });
});
