import type { SimulatedNetwork } from '../../../simulator/simulated-network';
import type { SimulatedDinstarPort } from './simulated-port';

/** One delivery report as the box keeps it for `query_sms_deliver_status`. */
export interface SimulatedReport {
  port: number;
  number: string;
  time: number;
  refId: number;
  statusCode: number;
  imsi: string;
}

/** One `send_sms` task: the messages `stop_sms` cancels. */
export interface SimulatedTask {
  id: number;
  messageIds: string[];
}

/** The simulated box as its endpoint handlers and network listener see it. */
export interface DinstarSimulatorState {
  readonly network: SimulatedNetwork;
  readonly ports: SimulatedDinstarPort[];
  readonly reports: SimulatedReport[];
  readonly tasks: Map<number, SimulatedTask>;
  /** The box's clock, minutes east of UTC. */
  readonly utcOffsetMinutes: number;
  /** How many send tasks and delivery reports the box keeps. */
  readonly historyLimit: number;
  takeTaskId(): number;
  takeIncomingSmsId(): number;
  /** The next port of `candidates`, round robin. */
  nextPortOf(candidates: readonly SimulatedDinstarPort[]): SimulatedDinstarPort;
  /** The first of `count` consecutive reference ids of `port` (they wrap at 256). */
  takeRefIds(port: number, count: number): number;
  /** The module registers again `resetDelayMs` later. */
  registerAfterReset(port: SimulatedDinstarPort): void;
  /** A JSON push to `pushUrl` (none when unset). */
  push(event: Record<string, unknown>): void;
  /** The simulator's clock time. */
  now(): number;
}
