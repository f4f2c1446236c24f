import { basicCredentials } from '../../../simulator/simulator-credentials';
import type { SimulatorReply, SimulatorRequest } from '../../../simulator/simulator-request';
import { httpApiSend } from './http-api-send';
import { readJsonBody, wrapHttpApiAnswer } from './rest-replies';
import type { JasminSimulatorState } from './simulator-state';

/** `POST /secure/send`: the JSON body with the Basic credentials, through the HTTP API's `/send`. */
export function handleSend(state: JasminSimulatorState, request: SimulatorRequest): SimulatorReply {
  const decoded = readJsonBody(request);
  if ('reply' in decoded) return decoded.reply;
  const account = basicCredentials(request)!;
  return wrapHttpApiAnswer(httpApiSend(state, { ...decoded.params, username: account.username, password: account.password }));
}
