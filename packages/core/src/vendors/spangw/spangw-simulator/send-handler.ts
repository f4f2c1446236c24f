import type { SimulatedMessage } from '../../../simulator/simulated-network';
import { SPANGW_SIMULATOR_ERRORS, STATUS_ON_WIRE, type SimulatedOutcome, type SpangwSimulatorState } from './simulator-state';

function untilLeftQueue(state: SpangwSimulatorState, message: SimulatedMessage): Promise<SimulatedMessage> {
  if (message.state !== 'queued') return Promise.resolve(message);
  return new Promise((resolve) => {
    const listener = (changed: SimulatedMessage): void => {
      if (changed.id !== message.id || changed.state === 'queued') return;
      state.network.off('status', listener);
      resolve(changed);
    };
    state.network.on('status', listener);
  });
}

/** `/sms/send`: one number into the simulated network; synchronous mode waits for the module. */
export async function handleSend(state: SpangwSimulatorState, parameters: Record<string, unknown>): Promise<SimulatedOutcome> {
  // The seed names the field `spans[]` (PHP style); JSON clients send `spans`.
  const spansField = parameters.spans ?? parameters['spans[]'];
  const requested = Array.isArray(spansField) ? spansField.map(Number) : [];
  const destination = typeof parameters.dest_num === 'string' ? parameters.dest_num.trim() : '';
  const text = typeof parameters.msg === 'string' ? parameters.msg : '';
  const mode = Number(parameters.mode ?? 0);
  if (!destination || !text || (mode !== 0 && mode !== 1) || requested.some((port) => !Number.isInteger(port))) {
    return { error: SPANGW_SIMULATOR_ERRORS.badRequest };
  }
  const candidates = state.spans.filter((span) => span.available && (requested.length === 0 || requested.includes(span.port)));
  if (candidates.length === 0) return { error: SPANGW_SIMULATOR_ERRORS.noSpan };
  const span = state.nextSpanOf(candidates);
  const message = state.network.submit({ to: destination, text, channel: span.portName, from: span.simNumber, meta: { port: span.port } });
  if (mode === 0) return { data: [] };
  const settled = await untilLeftQueue(state, message);
  return { data: [{ port: span.port, port_name: span.portName, dest_num: destination, status: STATUS_ON_WIRE[settled.state] ?? 'FAILED' }] };
}
