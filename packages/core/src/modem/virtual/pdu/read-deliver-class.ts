import { decodePdu } from '../../../codec';

/** Message class of an SMS-DELIVER PDU (SMSC part first), which `+CNMI` routing depends on; null = no class. */
export function readDeliverClass(pduWithSmsc: string): 0 | 1 | 2 | 3 | null {
  return decodePdu(pduWithSmsc, { hasSmsc: true }).class;
}
