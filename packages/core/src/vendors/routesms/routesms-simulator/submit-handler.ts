import { parameterCredentials } from '../../../simulator/simulator-credentials';
import { requestParameter, textReply, type SimulatorReply, type SimulatorRequest } from '../../../simulator/simulator-request';
import { planGatewayText } from '../../shared/gateway-text-plan';
import { ROUTESMS_SUCCESS_CODE } from '../routesms-error-table';
import { isRoutesmsUnicodeType, RoutesmsMessageType } from '../routesms-message-type';
import { parseRoutesmsSchedule } from '../routesms-schedule';
import { ROUTESMS_ALPHANUMERIC_SOURCE_MAX, ROUTESMS_NUMERIC_SOURCE_MAX } from '../routesms-source-address';
import type { RoutesmsSimulatorState } from './simulator-state';

const VALID_TYPES = new Set<number>(Object.values(RoutesmsMessageType));

interface AcceptedSubmit {
  text: string;
  source: string;
  type: number;
  parts: number;
  dlr: boolean;
  notBefore?: number;
  request: SimulatorRequest;
}

function sourceIsValid(source: string): boolean {
  if (/^\+?\d+$/.test(source)) return source.replace(/^\+/, '').length <= ROUTESMS_NUMERIC_SOURCE_MAX;
  return source.length <= ROUTESMS_ALPHANUMERIC_SOURCE_MAX && /^[\x20-\x7e]+$/.test(source);
}

/** Unicode types carry uppercase/lowercase UCS-2 hex, four digits per character. */
function decodeMessage(message: string, type: number): string | undefined {
  if (!isRoutesmsUnicodeType(type)) return message;
  const hex = message.trim();
  if (hex === '' || hex.length % 4 !== 0 || !/^[0-9a-fA-F]+$/.test(hex)) return undefined;
  return Buffer.from(hex, 'hex').swap16().toString('utf16le');
}

/** One destination's answer: `1701|dest|id` once queued on the network, `code|dest` when refused. */
function submitOne(state: RoutesmsSimulatorState, destination: string, message: AcceptedSubmit): string {
  if (!/^\+?\d{6,15}$/.test(destination)) return `1706|${destination}`;
  const refused = state.refusedDestinations.get(destination.replace(/\D/g, ''));
  if (refused !== undefined) return `${refused}|${destination}`;
  if (state.credit < message.parts) return `${state.insufficientCreditCode}|${destination}`;
  state.credit -= message.parts;
  const extra: Record<string, string> = {};
  for (const name of ['entityid', 'tempid', 'tmid', 'url']) {
    const value = requestParameter(message.request, name);
    if (value !== undefined) extra[name] = value;
  }
  const submitted = state.network.submit({
    to: destination,
    from: message.source,
    text: message.text,
    parts: message.parts,
    encoding: isRoutesmsUnicodeType(message.type) ? 'ucs2' : 'gsm7',
    ...(message.notBefore !== undefined ? { notBefore: message.notBefore } : {}),
    meta: { type: message.type, dlr: message.dlr, extra },
  });
  return `${ROUTESMS_SUCCESS_CODE}|${destination}|${submitted.id}`;
}

/**
 * `/bulksms/bulksms` and, with `scheduled`, `/bulksms/schedulemsg` (which also needs `date`,
 * `time` and `gmt`): the seed's codes as a plain-text body, one answer per comma-separated
 * destination.
 */
export function handleSubmit(state: RoutesmsSimulatorState, request: SimulatorRequest, scheduled: boolean): SimulatorReply {
  const read = (name: string) => requestParameter(request, name);
  const required = ['username', 'password', 'type', 'dlr', 'destination', 'source', 'message', ...(scheduled ? ['date', 'time', 'gmt'] : [])];
  if (required.some((name) => (read(name) ?? '').trim() === '')) return textReply('1702');
  if (!state.knowsAccount(parameterCredentials(request))) return textReply('1703');
  const forced = state.forcedCodes.shift();
  if (forced !== undefined) return textReply(String(forced));

  const type = Number(read('type'));
  if (!/^\d+$/.test(read('type')!.trim()) || !VALID_TYPES.has(type)) return textReply('1704');
  const dlr = read('dlr')!.trim();
  if (dlr !== '0' && dlr !== '1') return textReply('1708');
  const source = read('source')!.trim();
  if (!sourceIsValid(source)) return textReply('1707');
  const text = decodeMessage(read('message')!, type);
  if (text === undefined) return textReply('1705');
  if (type === RoutesmsMessageType.wapPush && !read('url')) return textReply('1702');
  let notBefore: number | undefined;
  if (scheduled) {
    const at = parseRoutesmsSchedule({ date: read('date'), time: read('time'), gmt: read('gmt') });
    if (!at) return textReply('1702');
    notBefore = at.getTime();
  }

  const plan = planGatewayText('routesms', text, isRoutesmsUnicodeType(type) ? 'ucs2' : 'auto');
  const parts = isRoutesmsUnicodeType(type) || type === RoutesmsMessageType.plainGsm || type === RoutesmsMessageType.flashGsm ? plan.parts : 1;
  const answers = read('destination')!
    .split(',')
    .map((destination) => destination.trim())
    .filter((destination) => destination !== '')
    .map((destination) => submitOne(state, destination, { text, source, type, parts, dlr: dlr === '1', notBefore, request }));
  if (answers.length === 0) return textReply('1706');
  return textReply(answers.join(','));
}
