import { cmeErrorMeaning } from '../at/cme-error-codes';

/** How a command line ends. */
export type FinalResultCode =
  | { kind: 'ok' }
  | { kind: 'error' }
  | { kind: 'cme'; code: number }
  | { kind: 'cms'; code: number }
  | { kind: 'no-carrier' };

export const ok: FinalResultCode = { kind: 'ok' };
export const error: FinalResultCode = { kind: 'error' };
export const cmeError = (code: number): FinalResultCode => ({ kind: 'cme', code });
export const cmsError = (code: number): FinalResultCode => ({ kind: 'cms', code });

/**
 * The text of a final result under the current ATV and AT+CMEE settings (V.250 §5.7, TS 27.007
 * §9.1): numeric codes when ATV0, bare ERROR for equipment errors when CMEE=0.
 */
export function formatFinalResult(result: FinalResultCode, verbose: boolean, cmee: number): string {
  switch (result.kind) {
    case 'ok':
      return verbose ? 'OK' : '0';
    case 'no-carrier':
      return verbose ? 'NO CARRIER' : '3';
    case 'error':
      return verbose ? 'ERROR' : '4';
    case 'cme':
      if (cmee === 0) return verbose ? 'ERROR' : '4';
      return cmee === 2 ? `+CME ERROR: ${cmeErrorMeaning(result.code)}` : `+CME ERROR: ${result.code}`;
    case 'cms':
      // SMS errors are reported whatever CMEE says (TS 27.005 §3.2.5).
      return `+CMS ERROR: ${result.code}`;
  }
}
