import { parseSpangwPushConfig, spangwPushConfigFields } from '../spangw-push-config';
import type { SimulatedOutcome, SpangwSimulatorState } from './simulator-state';

/** `/smsoutbox/get_config`: the stored push configuration under the document's names. */
export function handleGetPushConfig(state: SpangwSimulatorState): SimulatedOutcome {
  return { data: spangwPushConfigFields(state.pushConfig) };
}

/** `/smsoutbox/set_config`: the fields given replace the stored ones; the others stay. */
export function handleSetPushConfig(state: SpangwSimulatorState, parameters: Record<string, unknown>): SimulatedOutcome {
  state.pushConfig = parseSpangwPushConfig({ ...spangwPushConfigFields(state.pushConfig), ...parameters });
  return { data: [] };
}
