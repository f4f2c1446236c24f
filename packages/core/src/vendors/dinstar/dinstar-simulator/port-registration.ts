import type { DinstarRegistration } from '../dinstar-port-info';
import type { SimulatedDinstarPort } from './simulated-port';
import type { DinstarSimulatorState } from './simulator-state';

/** Changes the port's registration state and pushes `register` (up or down) when it changed. */
export function setPortRegistration(state: DinstarSimulatorState, port: SimulatedDinstarPort, reg: DinstarRegistration): void {
  if (port.reg === reg) return;
  port.reg = reg;
  const up = reg === 'REGISTER_OK';
  state.push({ register: [{ port: port.port, status: up ? 'up' : 'down', iccid: up ? port.iccid : '<NULL>', imsi: up ? port.imsi : '<NULL>' }] });
}
