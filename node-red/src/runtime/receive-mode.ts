import type { VendorEntry } from '@smsbridge/core';

/** How `sms in` receives: by asking (`poll`), at its HTTP endpoint (`push`) or from the connection's own indications (`subscribe`). */
export type ReceiveMode = 'poll' | 'push' | 'subscribe';

/** The mode asked for, or for `auto` the best the gateway offers: indications, else polling, else push. */
export function chooseReceiveMode(entry: VendorEntry, asked: string): ReceiveMode {
  const { operations } = entry.capabilities;
  const offers: Record<ReceiveMode, boolean> = {
    subscribe: operations.includes('subscribe'),
    poll: operations.includes('inbox'),
    push: entry.push !== undefined,
  };
  if (asked === 'auto' || asked === '') {
    const best = (['subscribe', 'poll', 'push'] as const).find((mode) => offers[mode]);
    if (best) return best;
    throw new Error(`${entry.describe.displayName} offers no way to receive messages or reports.`);
  }
  if (asked !== 'poll' && asked !== 'push' && asked !== 'subscribe') throw new Error(`"${asked}" is not a way to receive: use auto, poll, push or subscribe.`);
  if (!offers[asked]) {
    const possible = (Object.keys(offers) as ReceiveMode[]).filter((mode) => offers[mode]);
    throw new Error(`${entry.describe.displayName} cannot receive by ${asked}: use ${possible.join(' or ')}.`);
  }
  return asked;
}
