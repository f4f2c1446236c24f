import { basicCredentials } from '../../../simulator/simulator-credentials';
import type { SimulatorReply, SimulatorRequest } from '../../../simulator/simulator-request';
import { planGatewayText } from '../../shared/gateway-text-plan';
import { canonicalJasminFields, JASMIN_MESSAGE_PARAMETERS } from '../jasmin-parameter-names';
import { PythonFloat } from '../jasmin-python-json';
import { decodeHexContent } from './hex-content';
import { hasNoRoute } from './no-route';
import { authenticationFailure, readJsonBody, restJson } from './rest-replies';
import type { JasminSimulatorState } from './simulator-state';

/** `GET /secure/rate`: the parts the message would take and their price on the route. */
export function handleRate(state: JasminSimulatorState, request: SimulatorRequest): SimulatorReply {
  const account = basicCredentials(request)!;
  let params: Record<string, unknown> = { ...request.query };
  // Older REST servers read the rate parameters from a JSON body even on GET.
  if (request.body.trim() !== '') {
    const decoded = readJsonBody(request);
    if ('reply' in decoded) return decoded.reply;
    params = { ...params, ...decoded.params };
  }
  const canonical = canonicalJasminFields(params);
  for (const key of Object.keys(canonical)) {
    if (!JASMIN_MESSAGE_PARAMETERS.has(key)) return restJson(400, { message: `Error "Argument [${key}] is unknown.` });
  }
  if (canonical.to === undefined) return restJson(400, { message: 'Error "Mandatory argument [to] is not found.' });
  if (!state.knowsAccount(account)) return authenticationFailure(request);
  const to = String(canonical.to);
  if (hasNoRoute(state.noRoutePrefixes, to)) return restJson(412, { message: 'Error "No route found' });
  const coding = Number(canonical.coding ?? 0);
  const hex = canonical['hex-content'] === undefined ? undefined : String(canonical['hex-content']);
  const body = hex !== undefined ? decodeHexContent(hex, coding) : String(canonical.content ?? '');
  const count = planGatewayText('jasmin', body, coding === 8 ? 'ucs2' : 'auto').parts;
  const unitRate = Math.round(count * state.routeRate * 1e6) / 1e6;
  return restJson(200, { data: { submit_sm_count: count, unit_rate: new PythonFloat(unitRate) } });
}
