import { decodePdu } from '../../../codec';

/** The fields of an SMS-SUBMIT the network routes on: who it goes to and whether a report is wanted. */
export interface SubmitEnvelope {
  destination: string;
  statusReportRequested: boolean;
  messageReference: number;
}

/** Reads the envelope of a SUBMIT PDU that starts with its SMSC part; null when it is not a readable SUBMIT. */
export function readSubmitEnvelope(pduWithSmsc: string): SubmitEnvelope | null {
  let decoded;
  try {
    decoded = decodePdu(pduWithSmsc, { hasSmsc: true });
  } catch {
    return null;
  }
  if (decoded.type !== 'submit') return null;
  return {
    destination: decoded.address,
    statusReportRequested: decoded.statusReportRequested === true,
    messageReference: decoded.messageReference ?? 0,
  };
}
