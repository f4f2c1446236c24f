/** Meanings of `+CME ERROR: <n>` (3GPP TS 27.007 §9.2.1 and §9.2.2). */
const cmeMeanings: ReadonlyMap<number, string> = new Map([
  [0, 'phone failure'],
  [1, 'no connection to phone'],
  [2, 'phone-adaptor link reserved'],
  [3, 'operation not allowed'],
  [4, 'operation not supported'],
  [5, 'PH-SIM PIN required'],
  [6, 'PH-FSIM PIN required'],
  [7, 'PH-FSIM PUK required'],
  [10, 'SIM not inserted'],
  [11, 'SIM PIN required'],
  [12, 'SIM PUK required'],
  [13, 'SIM failure'],
  [14, 'SIM busy'],
  [15, 'SIM wrong'],
  [16, 'incorrect password'],
  [17, 'SIM PIN2 required'],
  [18, 'SIM PUK2 required'],
  [20, 'memory full'],
  [21, 'invalid index'],
  [22, 'not found'],
  [23, 'memory failure'],
  [24, 'text string too long'],
  [25, 'invalid characters in text string'],
  [26, 'dial string too long'],
  [27, 'invalid characters in dial string'],
  [30, 'no network service'],
  [31, 'network timeout'],
  [32, 'network not allowed - emergency calls only'],
  [40, 'network personalization PIN required'],
  [41, 'network personalization PUK required'],
  [42, 'network subset personalization PIN required'],
  [43, 'network subset personalization PUK required'],
  [44, 'service provider personalization PIN required'],
  [45, 'service provider personalization PUK required'],
  [46, 'corporate personalization PIN required'],
  [47, 'corporate personalization PUK required'],
  [50, 'incorrect parameters'],
  [100, 'unknown'],
  [103, 'illegal MS'],
  [106, 'illegal ME'],
  [107, 'GPRS services not allowed'],
  [111, 'PLMN not allowed'],
  [112, 'location area not allowed'],
  [113, 'roaming not allowed in this location area'],
  [132, 'service option not supported'],
  [133, 'requested service option not subscribed'],
  [134, 'service option temporarily out of order'],
  [148, 'unspecified GPRS error'],
  [149, 'PDP authentication failure'],
  [150, 'invalid mobile class'],
]);

const retryableCme: ReadonlySet<number> = new Set([14, 30, 31]);

/** Verbose texts (`AT+CMEE=2`) mapped back to their number, compared case- and space-insensitively. */
const cmeCodesByText: ReadonlyMap<string, number> = new Map(
  [...cmeMeanings].map(([code, text]) => [normaliseCmeText(text), code] as const),
);

function normaliseCmeText(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export function cmeErrorMeaning(code: number): string {
  return cmeMeanings.get(code) ?? (code >= 256 ? 'manufacturer-specific error' : 'reserved error code');
}

/** `undefined` when the modem's verbose text is not a standard one. */
export function cmeCodeForText(text: string): number | undefined {
  return cmeCodesByText.get(normaliseCmeText(text));
}

export function isRetryableCmeError(code: number): boolean {
  return retryableCme.has(code);
}
