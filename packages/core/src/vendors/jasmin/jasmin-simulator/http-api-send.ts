import type { SimulatedMessage } from '../../../simulator/simulated-network';
import { planGatewayText } from '../../shared/gateway-text-plan';
import { canonicalJasminFields, JASMIN_CODINGS, JASMIN_MESSAGE_PARAMETERS } from '../jasmin-parameter-names';
import type { DlrRequest } from './dlr-request';
import { decodeHexContent } from './hex-content';
import { hasNoRoute } from './no-route';
import type { JasminSimulatorState } from './simulator-state';

/** What Jasmin's HTTP API answers a send: its status and body (the REST layer wraps it). */
export interface HttpApiAnswer {
  status: number;
  body: string;
  message?: SimulatedMessage;
}

/** Jasmin's HTTP API `/send`: argument validation, authentication, routing, charging, then the network. */
export function httpApiSend(state: JasminSimulatorState, raw: Record<string, unknown>): HttpApiAnswer {
  const params = canonicalJasminFields(raw);
  const text = (name: string) => (params[name] === undefined || params[name] === null ? undefined : String(params[name]));
  const error = (status: number, message: string): HttpApiAnswer => ({ status, body: `Error "${message}"` });
  for (const key of Object.keys(params)) {
    if (!JASMIN_MESSAGE_PARAMETERS.has(key)) return error(400, `Argument [${key}] is unknown.`);
  }
  for (const key of ['username', 'password', 'to']) {
    if (text(key) === undefined) return error(400, `Mandatory argument [${key}] is not found.`);
  }
  const to = text('to')!;
  if (!/^\+?\d+$/.test(to)) return error(400, `Argument [to] has an invalid value: [${to}].`);
  if (text('content') !== undefined && text('hex-content') !== undefined) return error(400, 'content and hex-content cannot be used both in same request.');
  if (text('content') === undefined && text('hex-content') === undefined) return error(400, 'content or hex-content not present.');
  const coding = Number(text('coding') ?? '0');
  if (!/^\d+$/.test(text('coding') ?? '0') || !JASMIN_CODINGS.has(coding)) return error(400, `Argument [coding] has an invalid value: [${text('coding')}].`);
  const hex = text('hex-content');
  if (hex !== undefined && (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex))) return error(400, `Argument [hex-content] has an invalid value: [${hex}].`);
  const level = text('dlr-level') ?? '1';
  if (!['1', '2', '3'].includes(level)) return error(400, `Argument [dlr-level] has an invalid value: [${level}].`);
  const method = (text('dlr-method') ?? 'POST').toUpperCase();
  if (method !== 'GET' && method !== 'POST') return error(400, `Argument [dlr-method] has an invalid value: [${text('dlr-method')}].`);
  const validity = text('validity-period');
  if (validity !== undefined && !/^\d+$/.test(validity)) return error(400, `Argument [validity-period] has an invalid value: [${validity}].`);
  const priority = text('priority');
  if (priority !== undefined && !/^[0-3]$/.test(priority)) return error(400, `Argument [priority] has an invalid value: [${priority}].`);
  // Jasmin turns dlr on when a URL or a level is given.
  const dlrWanted = text('dlr') === 'yes' || text('dlr-url') !== undefined || text('dlr-level') !== undefined;
  if (dlrWanted && text('dlr-url') === undefined) return error(400, 'Argument [dlr-url] is mandatory if dlr is yes.');

  if (!state.knowsAccount({ username: text('username'), password: text('password') })) {
    return error(403, `Authentication failure for username:${text('username')}`);
  }
  if (hasNoRoute(state.noRoutePrefixes, to)) return error(412, 'No route found');

  const body = hex !== undefined ? decodeHexContent(hex, coding) : text('content')!;
  const parts = hex !== undefined && coding !== 8 ? Math.max(1, Math.ceil(hex.length / 2 / 140)) : planGatewayText('jasmin', body, coding === 8 ? 'ucs2' : 'auto').parts;
  const cost = parts * state.routeRate;
  if ((state.balance !== 'ND' && state.balance < cost) || (state.smsCount !== 'ND' && state.smsCount < parts)) {
    return error(403, 'Cannot charge submit_sm, check RouterPB log file for details');
  }
  if (state.balance !== 'ND') state.balance = Math.round((state.balance - cost) * 1e6) / 1e6;
  if (state.smsCount !== 'ND') state.smsCount -= parts;

  const dlr: DlrRequest | undefined = dlrWanted ? { url: text('dlr-url')!, level: Number(level), method: method as 'GET' | 'POST' } : undefined;
  const message = state.network.submit({
    to,
    ...(text('from') !== undefined ? { from: text('from')! } : {}),
    text: body,
    parts,
    encoding: coding === 8 ? 'ucs2' : hex !== undefined ? '8bit' : 'gsm7',
    ...(validity !== undefined ? { validityMs: Number(validity) * 60_000 } : {}),
    meta: { dlr, coding, ...(hex !== undefined ? { hexContent: hex.toUpperCase() } : {}), ...(priority !== undefined ? { priority: Number(priority) } : {}) },
  });
  return { status: 200, body: `Success "${message.id}"`, message };
}
