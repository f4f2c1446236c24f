import type { DeliveryState } from '../model/delivery-status';

/** States after which a message's status no longer changes. */
export const FINAL_DELIVERY_STATES: readonly DeliveryState[] = ['delivered', 'failed', 'expired'];

export function isFinalState(state: DeliveryState): boolean {
  return FINAL_DELIVERY_STATES.includes(state);
}
