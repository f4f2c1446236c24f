import type { SimulatedMessage, SimulatedNetwork } from '../../../simulator/simulated-network';
import type { SpangwPushConfig } from '../spangw-push-config';
import type { SimulatedSpan } from './simulated-span';

/** What a route handler produced: the envelope's `data`, or a refusal. */
export type SimulatedOutcome = { data: unknown } | { error: { code: number; msg: string } };

/** Codes and texts of the simulated refusals (the seed documents none; these are inferred). */
export const SPANGW_SIMULATOR_ERRORS = {
  auth: { code: 401, msg: 'Authentication failed: wrong username or password' },
  badRequest: { code: 400, msg: 'Invalid parameter' },
  badJson: { code: 400, msg: 'Invalid JSON' },
  noSpan: { code: 503, msg: 'No available span' },
  unknownUri: { code: 404, msg: 'Unknown uri' },
} as const;

/** The status literal the box writes for each simulated state (`DELIVERD`, sic). */
export const STATUS_ON_WIRE: Partial<Record<SimulatedMessage['state'], string>> = {
  sent: 'SENT',
  delivered: 'DELIVERD',
  failed: 'FAILED',
  expired: 'FAILED',
};

/** The simulated box as its endpoint handlers see it. */
export interface SpangwSimulatorState {
  readonly network: SimulatedNetwork;
  readonly spans: SimulatedSpan[];
  pushConfig: SpangwPushConfig;
  readonly outboxPageSize: number;
  readonly utcOffsetMinutes: number;
  /** The next span of `candidates`, round robin. */
  nextSpanOf(candidates: readonly SimulatedSpan[]): SimulatedSpan;
}
