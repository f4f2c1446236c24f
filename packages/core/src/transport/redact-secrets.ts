/** Query/form parameter names whose values are always scrubbed, whatever secrets were configured. */
export const SENSITIVE_PARAMETER_NAMES: readonly string[] = [
  'password',
  'pass',
  'pwd',
  'passwd',
  'token',
  'access_token',
  'api_key',
  'apikey',
  'api-key',
  'secret',
  'key',
];

const REDACTED = '***';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Value runs to the next separator; a query string, a form body or a JSON-ish dump all end there.
const SENSITIVE_PARAMETER = new RegExp(`(^|[?&;\\s"'])(${SENSITIVE_PARAMETER_NAMES.map(escapeRegExp).join('|')})=([^&;\\s"'#]*)`, 'gi');

/** Every spelling of `secrets` worth scrubbing, longest first so a secret that contains another is scrubbed whole. */
function secretSpellings(secrets: readonly string[]): readonly string[] {
  if (secrets.length === 0) return secrets;
  const spellings = new Set<string>();
  for (const secret of secrets) {
    // Very short secrets would scrub ordinary words; they still never reach a message because
    // parameter values are scrubbed by name above.
    if (!secret || secret.length < 3) continue;
    spellings.add(secret);
    spellings.add(encodeURIComponent(secret));
    spellings.add(encodeURIComponent(secret).replace(/%20/g, '+'));
    spellings.add(JSON.stringify(secret).slice(1, -1));
  }
  return [...spellings].sort((a, b) => b.length - a.length);
}

function scrub(text: string, spellings: readonly string[]): string {
  let out = text.includes('=') ? text.replace(SENSITIVE_PARAMETER, (_m, lead: string, name: string) => `${lead}${name}=${REDACTED}`) : text;
  for (const spelling of spellings) {
    if (out.includes(spelling)) out = out.split(spelling).join(REDACTED);
  }
  return out;
}

/**
 * Replaces every configured secret (raw, URL-encoded and form-encoded spellings) and the value of
 * every sensitive query/form parameter (`password=…`, `token=…`) in `text` with `***`.
 * Diafaan and Route Mobile carry passwords in query strings, so every URL or body that may end up
 * in an error goes through here first. For repeated use with the same secrets, hold a
 * {@link SecretRedactor}: it spells the secrets once.
 */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  return scrub(text, secretSpellings(secrets));
}

/**
 * {@link redactSecrets} for one fixed set of secrets, spelled once when built: a transport holds
 * one for its life. The secrets are copied, so later changes to the given array are not seen.
 */
export class SecretRedactor {
  readonly secrets: readonly string[];
  private readonly spellings: readonly string[];

  constructor(secrets: readonly string[] = []) {
    this.secrets = Object.freeze(secrets.filter((secret) => secret.length > 0));
    this.spellings = Object.freeze(secretSpellings(this.secrets));
  }

  /** Same as {@link redactSecrets} with this redactor's secrets. */
  redact(text: string): string {
    return scrub(text, this.spellings);
  }
}

/** Deep copy of `value` with every string passed through {@link redactSecrets}. */
export function redactDeep<T>(value: T, secrets: readonly string[] = []): T {
  if (typeof value === 'string') return redactSecrets(value, secrets) as T;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, secrets)) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      copy[key] = SENSITIVE_PARAMETER_NAMES.includes(key.toLowerCase()) && typeof item === 'string' ? REDACTED : redactDeep(item, secrets);
    }
    return copy as T;
  }
  return value;
}
