import type { SimulatorRequest } from '../../../simulator/simulator-request';
import { answer, type ApiAnswer } from './api-answer';
import { setPortRegistration } from './port-registration';
import type { DinstarSimulatorState } from './simulator-state';

/** `set_port_info`: powers a module off or on, switches its SIM slot, or resets it (the last two register again later). */
export function handleSetPortInfo(state: DinstarSimulatorState, request: SimulatorRequest): ApiAnswer {
  const port = state.ports.find((candidate) => candidate.port === Number(request.query.port));
  const action = request.query.action;
  if (!port || !['reset', 'power', 'slot'].includes(action ?? '')) return answer(400);
  if (action === 'power') {
    const on = (request.query.param ?? 'on') !== 'off';
    setPortRegistration(state, port, on ? (port.imsi ? 'REGISTER_OK' : 'NO_SIM') : 'POWER_OFF');
  } else if (action === 'slot') {
    const slot = Number(request.query.param);
    if (!Number.isInteger(slot) || slot < 0 || slot > 3) return answer(400);
    port.slot = slot;
    setPortRegistration(state, port, 'SEARCHING_NETWORK');
    state.registerAfterReset(port);
  } else {
    // A reset drops what the module was doing: queued messages on the port fail.
    for (const message of state.network.queued(`port-${port.port}`)) state.network.cancel(message.id);
    port.ussdReply = undefined;
    setPortRegistration(state, port, 'SEARCHING_NETWORK');
    state.registerAfterReset(port);
  }
  return answer(200);
}
