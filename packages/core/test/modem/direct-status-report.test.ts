/**
 * A report the modem shows once (`+CDS`, direct delivery) cannot stay on the SIM: the driver
 * hands it on first and acknowledges it (`+CNMA`, with `+CSMS=1`) only once the handlers settled.
 */
import type { DeliveryStatus } from '../../src/model/delivery-status';
import { GsmModem } from '../../src/modem/gsm-modem';
import { VirtualModem } from '../../src/modem/virtual/virtual-modem';
import { waitUntil } from './helpers/wait-until';

it('acknowledges a +CDS report only after its handler resolved', async () => {
  const vm = new VirtualModem({ profile: 'quectel', network: { deliveryDelayMs: 5 }, bootDelayMs: 5 });
  const modem = new GsmModem({ transport: () => vm.transport(), reconnect: false, delivery: 'direct', messageService: 1 });
  try {
    const heard: DeliveryStatus[] = [];
    let release: (() => void) | undefined;
    modem.on('status-report', (status) => {
      heard.push(status);
      return new Promise<void>((resolve) => (release = resolve));
    });
    await modem.start();
    const [sent] = await modem.send({ to: ['+447700900123'], text: 'report me directly', statusReport: true });
    await waitUntil(() => release !== undefined, 'the +CDS report was handed on');
    await modem.info(); // an AT exchange after the URC: a +CNMA queued at once would be in the log by now
    expect(vm.commandLog.filter((command) => command === '+CNMA')).toHaveLength(0);

    release!();
    await waitUntil(() => vm.commandLog.filter((command) => command === '+CNMA').length === 1, 'the report was acknowledged');
    expect(heard).toEqual([expect.objectContaining({ messageId: sent!.messageId, state: 'delivered' })]);
    expect(heard[0]!.raw?.['source']).toBeUndefined();
  } finally {
    await modem.close();
    vm.close();
  }
});
