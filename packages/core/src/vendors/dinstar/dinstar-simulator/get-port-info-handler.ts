import type { SimulatorRequest } from '../../../simulator/simulator-request';
import { DINSTAR_PORT_INFO_TYPES } from '../dinstar-port-info';
import { answer, type ApiAnswer } from './api-answer';
import { listParameter } from './request-readers';
import type { DinstarSimulatorState } from './simulator-state';

/** `get_port_info`: the `info_type` values asked for, of the ports asked for (default all). */
export function handleGetPortInfo(state: DinstarSimulatorState, request: SimulatorRequest): ApiAnswer {
  const types = listParameter(request, 'info_type');
  const requested = listParameter(request, 'port')?.map(Number);
  if (!types || types.length === 0 || types.some((type) => !(DINSTAR_PORT_INFO_TYPES as readonly string[]).includes(type))) return answer(400);
  if (requested?.some((port) => !Number.isInteger(port) || port < 0 || port > 31)) return answer(400);
  const info = state.ports
    .filter((port) => requested === undefined || requested.includes(port.port))
    .map((port) => {
      const values: Record<string, unknown> = {
        type: port.type,
        imei: port.imei,
        imsi: port.imsi,
        iccid: port.iccid,
        smsc: port.smsc,
        number: port.number,
        reg: port.reg,
        slot: port.slot,
        callstate: 'IDLE',
        signal: port.reg === 'REGISTER_OK' ? 24 : 0,
        gprs: 'UNREGISTER',
        remain_credit: '',
      };
      return { port: port.port, ...Object.fromEntries(types.map((type) => [type, values[type]])) };
    });
  return answer(200, { info });
}
