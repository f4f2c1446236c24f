import type { AtCommand } from './at-command';

const extendedPrefixes = new Set(['+', '^', '$', '%', '*', '!']);

/**
 * Splits the body of a command line (what follows `AT`) into commands per V.250 §5.3: basic
 * commands (`E0`, `&F`, `S0=1`, `D…`) run together, extended ones (`+CMGF=0`) separated by `;`.
 * Returns null when the line cannot be parsed, which the modem answers with `ERROR`.
 */
export function parseAtCommandLine(body: string): AtCommand[] | null {
  const commands: AtCommand[] = [];
  let i = 0;
  while (i < body.length) {
    const char = body[i]!;
    if (char === ' ' || char === ';') {
      i++;
      continue;
    }
    if (extendedPrefixes.has(char)) {
      const parsed = readExtended(body, i);
      if (!parsed) return null;
      commands.push(parsed.command);
      i = parsed.next;
      continue;
    }
    const upper = char.toUpperCase();
    if (upper === 'D') {
      // A dial string takes the rest of the line.
      commands.push({ name: 'D', form: 'action', argument: body.slice(i + 1) });
      break;
    }
    if (upper === 'S') {
      const match = /^[sS](\d+)(=\?|\?|=(\d*))?/.exec(body.slice(i));
      if (!match) return null;
      const form = match[2] === undefined ? 'action' : match[2] === '=?' ? 'test' : match[2] === '?' ? 'read' : 'set';
      commands.push({ name: `S${Number(match[1])}`, form, argument: match[3] ?? '' });
      i += match[0].length;
      continue;
    }
    const basic = /^(&?[A-Za-z])(\d*)(\?)?/.exec(body.slice(i));
    if (!basic) return null;
    commands.push({ name: basic[1]!.toUpperCase(), form: basic[3] ? 'read' : 'action', argument: basic[2]! });
    i += basic[0].length;
  }
  return commands;
}

function readExtended(body: string, start: number): { command: AtCommand; next: number } | null {
  const nameMatch = /^[+^$%*!][A-Za-z0-9_.&-]+/.exec(body.slice(start));
  if (!nameMatch) return null;
  const name = nameMatch[0].toUpperCase();
  let i = start + nameMatch[0].length;
  if (body.startsWith('=?', i)) return { command: { name, form: 'test', argument: '' }, next: i + 2 };
  if (body[i] === '?') return { command: { name, form: 'read', argument: '' }, next: i + 1 };
  if (body[i] !== '=') return { command: { name, form: 'action', argument: '' }, next: i };
  i++;
  const argStart = i;
  let quoted = false;
  while (i < body.length && (quoted || body[i] !== ';')) {
    if (body[i] === '"') quoted = !quoted;
    i++;
  }
  if (quoted) return null;
  return { command: { name, form: 'set', argument: body.slice(argStart, i) }, next: i };
}

/** One parameter of a set command: `quoted` tells `"1"` from `1`; an omitted parameter is `''` unquoted. */
export interface AtParameter {
  value: string;
  quoted: boolean;
}

/** Splits `1,"SM",,"a,b"` into parameters, keeping commas inside quotes. */
export function splitAtParameters(argument: string): AtParameter[] {
  const parameters: AtParameter[] = [];
  let current = '';
  let quoted = false;
  let wasQuoted = false;
  for (const char of argument) {
    if (char === '"') {
      quoted = !quoted;
      wasQuoted = true;
    } else if (char === ',' && !quoted) {
      parameters.push({ value: wasQuoted ? current : current.trim(), quoted: wasQuoted });
      current = '';
      wasQuoted = false;
    } else {
      current += char;
    }
  }
  if (argument.length > 0) parameters.push({ value: wasQuoted ? current : current.trim(), quoted: wasQuoted });
  return parameters;
}

/** A numeric parameter, or `fallback` when omitted; NaN when present but not a number. */
export function integerParameter(parameters: AtParameter[], index: number, fallback: number): number {
  const parameter = parameters[index];
  if (!parameter || (parameter.value === '' && !parameter.quoted)) return fallback;
  return /^\d+$/.test(parameter.value) ? Number(parameter.value) : Number.NaN;
}
