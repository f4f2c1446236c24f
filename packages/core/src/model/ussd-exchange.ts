/** One USSD request and the network's answer. */
export interface UssdExchange {
  code: string;
  /** Reply text, or undefined while nothing has arrived. */
  reply?: string;
  /** True when the network menu waits for another answer (CUSD status 1). */
  awaitingInput: boolean;
  /** `replied` | `pending` | `ended` | `failed`. */
  state: 'replied' | 'pending' | 'ended' | 'failed';
  port?: string | number;
  gateway: string;
  raw?: Record<string, unknown>;
}
