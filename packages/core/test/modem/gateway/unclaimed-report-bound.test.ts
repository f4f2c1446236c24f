/**
 * Stored status reports nobody takes are bounded (virtual modem behind the serialport binding):
 * with no subscriber and no polling listing, a SIM keeps only the newest `maxUnclaimedReports`
 * and says how many older ones it removed, so the report memory (or, where reports are filed with
 * the messages, the SMS memory) never fills up. Reports a subscriber or a listing holds are not
 * the bound's to remove.
 */
import type { DeliveryStatus } from '../../../src/model/delivery-status';
import { ModemHub } from '../../../src/modem/gateway/modem-hub';
import { objectSentPartStore, type SentPartReference } from '../../../src/modem/sms/message-reference-registry';
import { createVirtualModemBinding } from '../../../src/modem/virtual/virtual-modem-binding';
import { deliveryReportListingOf } from '../../../src/reports/built-in-report-listings';
import type { GatewayClient } from '../../../src/vendors/gateway-client';
import { waitUntil } from '../helpers/wait-until';
import { PORT, virtualModemPortsPerTest } from './virtual-modem-ports';

const BOUND = 4;
const driver = { reconnect: { initialDelayMs: 10, maxDelayMs: 20 }, commandTimeoutMs: 1000, sendTimeoutMs: 1000, probeTimeoutMs: 200, probeAttempts: 2 };

const { setUp, afterThisTest } = virtualModemPortsPerTest();

/** Sends `count` SMS asking for reports, one after the other, each once its report was read off the SIM. */
async function sendWithReports(ports: ReturnType<typeof setUp>, client: GatewayClient, count: number): Promise<string[]> {
  const reads = (): number => ports.modem.commandLog.filter((command) => /^\+CMGR=/.test(command)).length;
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const before = reads();
    const [sent] = await client.send({ to: [`+4477009005${String(i).padStart(2, '0')}`], text: `report me ${i}`, statusReport: true });
    ids.push(sent!.messageId!);
    await waitUntil(() => reads() > before, `report ${i} was read`);
  }
  await client.inbox!(); // receiver work runs in order: the last report's handling is over once this is back
  return ids;
}

const removals = (errors: unknown[]) => errors.filter((error) => (error as { code?: string }).code === 'SMSB_MODEM_REPORTS_REMOVED') as { removed: number; message: string }[];

it('with nobody taking reports, the SIM keeps only the newest ones and says how many it removed', async () => {
  const ports = setUp({}, { driver: { ...driver, maxUnclaimedReports: BOUND } });
  const client = ports.open();
  const errors: unknown[] = [];
  client.subscribe!({ error: (error) => void errors.push(error) });

  const ids = await sendWithReports(ports, client, BOUND + 3);

  expect(ports.modem.storage('SR').used).toBe(BOUND);
  const kept = await ports.hub.acquire({ port: PORT, baudRate: 115200 }).storedReports();
  expect(kept.map((report) => report.messageId).sort()).toEqual(ids.slice(3).sort());
  const warnings = removals(errors);
  expect(warnings.reduce((sum, warning) => sum + warning.removed, 0)).toBe(3);
  for (const warning of warnings) {
    expect(warning.message).toMatch(new RegExp(`^${warning.removed} delivery reports? nobody took (was|were) removed from the SIM so it does not fill up`));
    expect(warning.message).toMatch(/subscribe to reports \(Node-RED sms in, output 2; n8n SMS Trigger Events: Delivery Reports\)/);
  }
});

it('reports that piled up while no process ran are cut to the bound on connect, with one warning naming all of them', async () => {
  const sentParts: Record<string, SentPartReference> = {};
  const ports = setUp({}, { driver: { ...driver, maxUnclaimedReports: Infinity, sentParts: objectSentPartStore(sentParts) } });
  const ids = await sendWithReports(ports, ports.open(), BOUND + 3);
  await ports.hub.close();
  expect(ports.modem.storage('SR').used).toBe(BOUND + 3);

  const restarted = new ModemHub({ binding: createVirtualModemBinding(ports.modems), driver: { ...driver, maxUnclaimedReports: BOUND, sentParts: objectSentPartStore(sentParts) } });
  afterThisTest(() => restarted.close());
  const lease = restarted.acquire({ port: PORT, baudRate: 115200 });
  const errors: unknown[] = [];
  lease.onError((error) => void errors.push(error));
  await lease.inbox(); // after the connect sweep
  expect(removals(errors)).toEqual([expect.objectContaining({ removed: 3, message: expect.stringMatching(/^3 delivery reports nobody took were removed/) })]);
  expect((await lease.storedReports()).map((report) => report.messageId).sort()).toEqual(ids.slice(3).sort());
});

it('with a subscriber, nothing is removed by the bound, not even reports its failing handler keeps on the SIM', async () => {
  const ports = setUp({}, { driver: { ...driver, maxUnclaimedReports: BOUND }, sweepIntervalMs: 40 });
  const client = ports.open();
  const errors: unknown[] = [];
  const heard: DeliveryStatus[] = [];
  let down = true;
  client.subscribe!({
    status: (status) => {
      if (down) throw new Error('the consumer is down');
      heard.push(status);
    },
    error: (error) => void errors.push(error),
  });

  const ids = await sendWithReports(ports, client, BOUND + 3);
  expect(ports.modem.storage('SR').used).toBe(BOUND + 3);
  expect(removals(errors)).toEqual([]);

  down = false;
  await waitUntil(() => heard.length === ids.length && ports.modem.storage('SR').used === 0, 'the next sweep handed every report on and they left the SIM');
  expect(heard.map((status) => status.messageId).sort()).toEqual([...ids].sort());
  expect(removals(errors)).toEqual([]);
});

it('reports a polling listing handed out are not removed by the bound; newer unlisted ones are', async () => {
  const ports = setUp({}, { driver: { ...driver, maxUnclaimedReports: BOUND } });
  const client = ports.open();
  const errors: unknown[] = [];
  client.subscribe!({ error: (error) => void errors.push(error) });
  const reader = deliveryReportListingOf('modem')!.open({ port: PORT, baudRate: 115200 }, { modemHub: ports.hub });

  const listedIds = await sendWithReports(ports, client, BOUND);
  const page = await reader.reports();
  expect(page.reports).toHaveLength(BOUND);
  const laterIds = await sendWithReports(ports, client, BOUND + 1);

  // The listed ones wait for the next poll; of the later ones nobody took, the oldest went.
  expect(ports.modem.storage('SR').used).toBe(BOUND + BOUND);
  expect(removals(errors).reduce((sum, warning) => sum + warning.removed, 0)).toBe(1);
  const next = await reader.reports(page.cursor);
  expect(next.reports.map((report) => report.messageId).sort()).toEqual(laterIds.slice(1).sort());
  expect(listedIds.every((id) => !next.reports.some((report) => report.messageId === id))).toBe(true);
  await reader.close();
});
