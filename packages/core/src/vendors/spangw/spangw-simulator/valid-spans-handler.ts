import type { SimulatedOutcome, SpangwSimulatorState } from './simulator-state';

/** `/sms/get_valid_spans`: every span with its availability. */
export function handleValidSpans(state: SpangwSimulatorState): SimulatedOutcome {
  return { data: state.spans.map((span) => ({ port: span.port, port_name: span.portName, status: span.available ? 1 : 0 })) };
}
