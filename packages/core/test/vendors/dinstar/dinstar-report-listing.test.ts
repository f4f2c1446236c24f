/**
 * Dinstar's delivery reports listed for a polling host, against the simulator: every report once,
 * named by the id `send` returned, nothing removed from the gateway (an old cursor lists the same
 * reports again), a cursor that is not ours refused.
 */
import { InvalidRequestError } from '../../../src/errors';
import { deliveryReportListingOf } from '../../../src/reports/built-in-report-listings';
import type { DeliveryReportReader } from '../../../src/reports/delivery-report-listing';
import { readFields } from '../../../src/vendors/contract/read-fields';
import { DinstarSimulator } from '../../../src/vendors/dinstar/dinstar-simulator';
import type { GatewayClient } from '../../../src/vendors/gateway-client';
import { createVendorRegistry } from '../../../src/vendors/registry';
import { eventually } from '../spangw/push-collector';

const PASSWORD = 'Dig3st-S3cret-pw!';
const registry = createVendorRegistry();
let simulator: DinstarSimulator;
let client: GatewayClient;
let reader: DeliveryReportReader;

beforeAll(async () => {
  simulator = new DinstarSimulator({ accounts: [{ username: 'api', password: PASSWORD }], network: { sendDelayMs: 5, deliveryDelayMs: 5 }, utcOffsetMinutes: 120 });
  await simulator.start();
  const values = { url: simulator.baseUrl, username: 'api', password: PASSWORD, gatewayUtcOffsetMinutes: 120 };
  client = registry.open('dinstar', values);
  const entry = registry.get('dinstar');
  reader = deliveryReportListingOf('dinstar')!.open(readFields({ gateway: 'dinstar', label: 'Dinstar setting' }, entry.connection, values));
});

afterAll(async () => {
  await reader.close();
  await client.close();
  await simulator.stop();
});

it('lists each report once, named by the send\'s message id, and removes nothing from the gateway', async () => {
  expect(deliveryReportListingOf('dinstar')).toMatchObject({ keeps: 'gateway' });
  const first = await client.send({ to: ['+447700900101', '+447700900102'], text: 'report me', statusReport: true });
  await eventually(() => (simulator.reports.length === 2 ? true : undefined));
  const page = await reader.reports();
  expect(page.reports.map((report) => [report.messageId, report.state, report.gateway]).sort()).toEqual(
    first.map((result) => [result.messageId, 'delivered', 'dinstar']).sort(),
  );
  expect(page.reports[0]!.raw).toMatchObject({ reportId: expect.stringMatching(/#\d+:\d+$/) });
  expect(page.cursor.length).toBeLessThan(4000);

  expect((await reader.reports(page.cursor)).reports).toEqual([]);

  const [second] = await client.send({ to: ['+447700900103'], text: 'and me', statusReport: true });
  await eventually(() => (simulator.reports.length === 3 ? true : undefined));
  const next = await reader.reports(page.cursor);
  expect(next.reports.map((report) => report.messageId)).toEqual([second!.messageId]);
  expect((await reader.reports(next.cursor)).reports).toEqual([]);
  // A host that crashed before handing the page on asks again with its previous cursor.
  expect((await reader.reports(page.cursor)).reports.map((report) => report.messageId)).toEqual([second!.messageId]);
  expect((await reader.reports()).reports).toHaveLength(3);
});

it('refuses a cursor it did not write', async () => {
  await expect(reader.reports('{"seen":"nope"}')).rejects.toBeInstanceOf(InvalidRequestError);
  await expect(reader.reports('17')).rejects.toThrow(/not one this client wrote/);
});

it('has no listing for gateways that only push or answer by message id', () => {
  expect(['diafaan', 'routesms', 'spangw', 'jasmin'].map((key) => deliveryReportListingOf(key))).toEqual([undefined, undefined, undefined, undefined]);
});
