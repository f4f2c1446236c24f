import { InvalidRequestError } from '../../errors/gateway-errors';
import type { FieldDescriptor } from './field-descriptor';

/** Who reads the fields, as messages name them: `The Dinstar option "ports" …`. */
export interface FieldOwner {
  gateway: string;
  /** `The Dinstar option`, `The Jasmin send option`, `The Dinstar command "port-info" argument`. */
  label: string;
}

export interface ReadFieldsOptions {
  /** Fields with a `default` get it when absent (forms); off for settings layered over client defaults. */
  applyDefaults?: boolean;
  /** Check `required` fields (default true). */
  checkRequired?: boolean;
}

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** Short and never the whole value: a misplaced password must not end up in a log. */
function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return value.length > 24 ? 'a long text' : `"${value}"`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

/** Empty form values mean "not set": hosts send `""` for an untouched text box. */
function isUnset(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

function acceptedText(field: FieldDescriptor): string {
  switch (field.type) {
    case 'boolean':
      return 'true or false';
    case 'choice':
      return (field.choices ?? []).map((choice) => choice.value).join(' or ');
    case 'number': {
      const kind = field.integer === false ? 'a number' : 'an integer';
      if (field.min !== undefined && field.max !== undefined) return `${kind} from ${field.min} to ${field.max}`;
      if (field.min !== undefined) return `${kind} of at least ${field.min}`;
      if (field.max !== undefined) return `${kind} up to ${field.max}`;
      return kind;
    }
    case 'list':
      return field.itemType === 'number'
        ? `a list of integers${field.min !== undefined && field.max !== undefined ? ` from ${field.min} to ${field.max}` : ''} ("1,2" or [1,2])`
        : `a list of texts ("a${field.separator ?? ','}b" or ["a","b"])`;
    case 'dateTime':
      return 'a date and time (ISO 8601 with an offset, e.g. 2026-12-24T18:00:00+01:00)';
    case 'url':
      return 'an http:// or https:// URL';
    case 'json':
      return 'a JSON value';
    case 'string':
      return field.patternHint ?? 'a non-empty text';
  }
}

function numberIn(value: unknown, field: FieldDescriptor): number | undefined {
  const text = typeof value === 'string' ? value.trim() : undefined;
  const number = typeof value === 'number' ? value : text !== undefined && /^[-+]?\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(number)) return undefined;
  if (field.integer !== false && !Number.isInteger(number)) return undefined;
  if (field.min !== undefined && number < field.min) return undefined;
  if (field.max !== undefined && number > field.max) return undefined;
  return number;
}

/** One field's value, converted to its type, or undefined when it is not one. */
function convert(field: FieldDescriptor, value: unknown): unknown {
  switch (field.type) {
    case 'boolean': {
      if (typeof value === 'boolean') return value;
      const text = typeof value === 'string' ? value.trim().toLowerCase() : typeof value === 'number' ? String(value) : '';
      return text === 'true' || text === '1' ? true : text === 'false' || text === '0' ? false : undefined;
    }
    case 'choice': {
      const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim().toLowerCase() : undefined;
      return field.choices?.find((choice) => choice.value.toLowerCase() === text)?.value;
    }
    case 'number':
      return numberIn(value, field);
    case 'list': {
      const separator = field.separator ?? ',';
      const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(separator) : typeof value === 'number' ? [value] : undefined;
      if (!items) return undefined;
      if (field.itemType === 'number') {
        const numbers = items.map((item) => numberIn(item, { ...field, type: 'number' }));
        return numbers.length > 0 && numbers.every((number) => number !== undefined) ? numbers : undefined;
      }
      if (!items.every((item) => typeof item === 'string' || typeof item === 'number')) return undefined;
      const texts = items.map((item) => String(item).trim()).filter((item) => item !== '');
      return texts.length > 0 ? texts : undefined;
    }
    case 'dateTime': {
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
      // A time without an offset would silently mean this machine's zone, not the gateway's.
      if (typeof value !== 'string' || !ISO_WITH_OFFSET.test(value.trim())) return undefined;
      const date = new Date(value.trim());
      return Number.isNaN(date.getTime()) ? undefined : date;
    }
    case 'url': {
      if (typeof value !== 'string') return undefined;
      try {
        const url = new URL(value.trim());
        return url.protocol === 'http:' || url.protocol === 'https:' ? value.trim() : undefined;
      } catch {
        return undefined;
      }
    }
    case 'json': {
      if (typeof value !== 'string') return value;
      try {
        return JSON.parse(value) as unknown;
      } catch {
        return undefined;
      }
    }
    case 'string': {
      if (typeof value !== 'string' && typeof value !== 'number') return undefined;
      const text = String(value).trim();
      if (field.pattern !== undefined && !new RegExp(`^(?:${field.pattern})$`).test(text)) return undefined;
      return text;
    }
  }
}

/**
 * Reads form, CLI or JSON values by their descriptors: `"5"` becomes 5 for a number, `"1,2"` a
 * list, `"true"` a boolean; an unknown key, a missing required field or a value of the wrong kind
 * is refused with an {@link InvalidRequestError} that names the field and what it takes — never
 * the value itself when the field is secret or the key unknown (it may be a misplaced password).
 * Empty values (`""`, `[]`, null) mean "not set".
 */
export function readFields(
  owner: FieldOwner,
  fields: readonly FieldDescriptor[],
  values: Readonly<Record<string, unknown>> | undefined,
  options: ReadFieldsOptions = {},
): Record<string, unknown> {
  const byName = new Map(fields.map((field) => [field.name, field]));
  const read: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values ?? {})) {
    const field = byName.get(key);
    if (!field) {
      throw new InvalidRequestError(
        fields.length === 0 ? `${owner.label} "${key}" does not exist: this gateway takes none.` : `${owner.label} "${key}" does not exist: use ${fields.map((candidate) => candidate.name).join(', ')}.`,
        { details: { gateway: owner.gateway, option: key, accepted: fields.map((candidate) => candidate.name) } },
      );
    }
    if (isUnset(value)) continue;
    const converted = convert(field, value);
    if (converted === undefined) {
      const got = field.secret ? 'a value it cannot use' : describeValue(value);
      throw new InvalidRequestError(`${owner.label} "${key}" takes ${acceptedText(field)}; got ${got}.`, {
        details: { gateway: owner.gateway, option: key, accepted: acceptedText(field) },
      });
    }
    read[key] = converted;
  }
  for (const field of fields) {
    if (read[field.name] !== undefined) continue;
    if (options.applyDefaults && field.default !== undefined) {
      read[field.name] = field.default;
    } else if (field.required && options.checkRequired !== false) {
      throw new InvalidRequestError(`${owner.label} "${field.name}" (${field.displayName}) is required: ${field.description}`, {
        details: { gateway: owner.gateway, option: field.name },
      });
    }
  }
  return read;
}
