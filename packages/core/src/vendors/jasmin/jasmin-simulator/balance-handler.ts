import { basicCredentials } from '../../../simulator/simulator-credentials';
import type { SimulatorReply, SimulatorRequest } from '../../../simulator/simulator-request';
import { authenticationFailure, restJson } from './rest-replies';
import type { JasminSimulatorState } from './simulator-state';

/** `GET /secure/balance`: the account's balance and SMS quota (`ND` when unlimited). */
export function handleBalance(state: JasminSimulatorState, request: SimulatorRequest): SimulatorReply {
  const account = basicCredentials(request)!;
  if (!state.knowsAccount(account)) return authenticationFailure(request);
  return restJson(200, { data: { balance: state.balance, sms_count: state.smsCount } });
}
