import type { SimulatedNetwork } from '../../../simulator/simulated-network';

export interface SimulatedDiafaanGateway {
  id: number;
  name: string;
  active: boolean;
  sendEnabled: boolean;
  receiveEnabled: boolean;
  properties: Record<string, string>;
}

export interface SimulatedDiafaanConnector {
  id: number;
  name: string;
  active: boolean;
  properties: Record<string, string>;
}

/** What the endpoint handlers of the simulated Diafaan server read and change. */
export interface DiafaanSimulatorState {
  readonly network: SimulatedNetwork;
  readonly gateways: Map<string, SimulatedDiafaanGateway>;
  readonly connectors: Map<string, SimulatedDiafaanConnector>;
  readonly settings: Record<string, string>;
  readonly routing: Map<string, Record<string, string>>;
  /** Contact list for `contact-name`: a name maps to a number or, for a group, to several. */
  readonly contacts: Readonly<Record<string, string | string[]>>;
  readonly blockedNumbers: ReadonlySet<string>;
  readonly administrators: ReadonlySet<string>;
  readonly serverCommandsEnabled: boolean;
  readonly removeIsUnreliable: boolean;
  readonly dateStyle: 'compact' | 'us-locale';
  firstGatewayName(): string;
  /** Pauses or resumes the gateway's queue after its state changed. */
  applyGatewayState(gateway: SimulatedDiafaanGateway): void;
}
