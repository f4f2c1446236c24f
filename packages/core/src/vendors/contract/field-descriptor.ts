/**
 * One setting a host shows and a user fills in: a connection field (n8n credential, Node-RED
 * config node), a per-send option or an admin command argument. Plain data, so a host renders its
 * form from it and {@link readFields} reads what the form gives back by the same description.
 */
export type FieldType = 'string' | 'number' | 'boolean' | 'choice' | 'list' | 'dateTime' | 'url' | 'json';

export interface FieldChoice {
  value: string;
  name: string;
  description?: string;
}

export interface FieldDescriptor {
  /** The key in settings, options and args (`authScheme`, `priority`, `ports`). */
  name: string;
  displayName: string;
  type: FieldType;
  /** One or two sentences a user (or an AI agent) can act on. */
  description: string;
  required?: boolean;
  /** The value a host pre-fills; also what applies when the field is left empty. */
  default?: unknown;
  /** Masked in forms, kept with credentials, never echoed in an error. */
  secret?: boolean;
  /** `choice`: the accepted values (matched case-insensitively). */
  choices?: readonly FieldChoice[];
  /** `number` (and `list` of numbers): bounds, inclusive. */
  min?: number;
  max?: number;
  /** `number`: whole numbers only (default true). */
  integer?: boolean;
  /** `list`: what each item is and how a text writes several (default `,`). */
  itemType?: 'string' | 'number';
  separator?: string;
  /** `string`: a regular expression the whole value must match, and how to say so. */
  pattern?: string;
  patternHint?: string;
  placeholder?: string;
  /** A per-send option that carries the message body itself (binary/hex content): the text may be empty. */
  replacesText?: boolean;
}

/** An administrative command of a gateway, as a host offers it in a dropdown. */
export interface AdminCommandDescriptor {
  name: string;
  displayName: string;
  description: string;
  /** True when it changes the gateway (pauses a port, rewrites a setting); false for reads. */
  changesState: boolean;
  args: readonly FieldDescriptor[];
}
