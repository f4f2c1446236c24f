/** How the driver waits between attempts to get a vanished modem back. */
export interface ReconnectPolicy {
  /** First wait (default 1 s). */
  initialDelayMs?: number;
  /** Longest wait (default 60 s). */
  maxDelayMs?: number;
  /** Growth per failed attempt (default 2). */
  factor?: number;
  /** Give up after this many failed attempts (default: never). */
  maxAttempts?: number;
}

/** Wait before attempt `attempt` (0-based): exponential, capped. */
export function reconnectDelay(attempt: number, policy: ReconnectPolicy = {}): number {
  const initial = policy.initialDelayMs ?? 1000;
  const max = policy.maxDelayMs ?? 60_000;
  return Math.min(max, initial * (policy.factor ?? 2) ** attempt);
}
