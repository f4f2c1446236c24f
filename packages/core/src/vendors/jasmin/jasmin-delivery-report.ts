import type { DeliveryState, DeliveryStatus } from '../../model';
import { InvalidRequestError } from '../../errors';

/** Terminal receipt states (levels 2/3) in the shared vocabulary. */
export const JASMIN_RECEIPT_STATES: Readonly<Record<string, DeliveryState>> = {
  DELIVRD: 'delivered',
  EXPIRED: 'expired',
  DELETED: 'failed',
  UNDELIV: 'failed',
  // SMPP "accepted": taken on the subscriber's behalf, not proven delivered.
  ACCEPTD: 'sent',
  ENROUTE: 'sent',
  UNKNOWN: 'unknown',
  REJECTD: 'failed',
};

/** The body Jasmin needs back, with HTTP 200, or it pushes the report again. */
export const JASMIN_DLR_ACK = 'ACK/Jasmin';

/** Fields of a level-1 push; levels 2 and 3 add the receipt fields. */
export const JASMIN_DLR_LEVEL1_FIELDS = ['id', 'message_status', 'level', 'connector'] as const;
export const JASMIN_DLR_RECEIPT_FIELDS = ['id_smsc', 'sub', 'dlvrd', 'subdate', 'donedate', 'err', 'text'] as const;

function firstValue(value: unknown): string | undefined {
  if (Array.isArray(value)) return firstValue(value[0]);
  if (value === undefined || value === null) return undefined;
  return String(value);
}

/** SMPP receipt dates are `YYMMDDhhmm[ss]` in the SMSC's zone, which the push does not say: kept local. */
function receiptDateToIso(value: string | undefined): string | undefined {
  const match = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?$/.exec((value ?? '').trim());
  if (!match) return undefined;
  const [, yy, mo, dd, hh, mi, ss] = match;
  return `20${yy}-${mo}-${dd}T${hh}:${mi}:${ss ?? '00'}`;
}

/**
 * One DLR push (form fields of a POST, or the query of a GET) → `DeliveryStatus`. Level 1 says
 * whether the SMSC took the message (`ESME_ROK` → sent, any other SMPP status → failed); levels
 * 2 and 3 carry the handset receipt.
 */
export function parseJasminDeliveryReport(fields: Record<string, unknown>): DeliveryStatus {
  const messageId = firstValue(fields.id)?.trim();
  const rawStatus = firstValue(fields.message_status)?.trim();
  if (!messageId || !rawStatus) {
    throw new InvalidRequestError('This is not a Jasmin delivery report: id and message_status are required', {
      details: { gateway: 'jasmin', fields: Object.keys(fields) },
    });
  }
  const level = Number(firstValue(fields.level) ?? '1');
  const upper = rawStatus.toUpperCase();
  const state: DeliveryState =
    JASMIN_RECEIPT_STATES[upper] ?? (upper === 'ESME_ROK' ? 'sent' : upper.startsWith('ESME_') ? 'failed' : 'unknown');
  const raw: Record<string, unknown> = {};
  for (const name of [...JASMIN_DLR_LEVEL1_FIELDS, ...JASMIN_DLR_RECEIPT_FIELDS]) {
    const value = firstValue(fields[name]);
    if (value !== undefined) raw[name] = value;
  }
  const err = firstValue(fields.err)?.trim();
  const at = receiptDateToIso(firstValue(fields.donedate)) ?? receiptDateToIso(firstValue(fields.subdate));
  const errorCode = err && !/^0+$/.test(err) ? err : upper.startsWith('ESME_') && upper !== 'ESME_ROK' ? rawStatus : undefined;
  return {
    state,
    messageId,
    rawStatus,
    ...(errorCode ? { errorCode } : {}),
    ...(at ? { at } : {}),
    gateway: 'jasmin',
    raw: { ...raw, level: Number.isFinite(level) ? level : raw.level },
  };
}
