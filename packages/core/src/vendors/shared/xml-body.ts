import { XMLParser } from 'fast-xml-parser';
import { GatewayMalformedResponseError } from '../../errors/gateway-errors';
import { looksLikeHtml, previewBody } from './body-preview';

export interface XmlBodyOptions {
  /** Element names that must always come back as arrays (e.g. `Message`, `Gateway`). */
  arrayElements?: readonly string[];
  idempotent?: boolean;
  secrets?: readonly string[];
  httpStatus?: number;
}

/** A parsed XML element: attributes under `@_name`, text under `#text`, children by element name. */
export type XmlElement = Record<string, unknown>;

/**
 * Parses a gateway's XML answer safely: a document with a DOCTYPE is refused outright (no entity
 * expansion, no external entities), entities other than the five predefined ones stay literal,
 * values stay strings. Read the result by element name, never by position.
 */
export function parseXmlBody(body: string, gateway: string, options: XmlBodyOptions = {}): XmlElement {
  const text = body.replace(/^\uFEFF/, '');
  // Built only on the way to an error: scrubbing the preview costs more than the checks.
  const details = (): Record<string, unknown> => ({ gateway, httpStatus: options.httpStatus, body: previewBody(text, options.secrets) });
  const retryable = options.idempotent ?? false;
  if (text.trim() === '') {
    throw new GatewayMalformedResponseError(`${gateway} answered with an empty body where XML was expected.`, { retryable, details: details() });
  }
  if (looksLikeHtml(text)) {
    throw new GatewayMalformedResponseError(
      `The gateway answered an HTML page${options.httpStatus ? ` (HTTP ${options.httpStatus})` : ''} instead of XML — check the URL (${gateway}).`,
      { retryable, details: details() },
    );
  }
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    throw new GatewayMalformedResponseError(`${gateway} sent XML with a DOCTYPE; refused so that no entity can be expanded.`, { details: details() });
  }
  if (!/^\s*</.test(text)) {
    throw new GatewayMalformedResponseError(`${gateway} sent an answer that is not XML: ${previewBody(text, options.secrets, 80)}`, { retryable, details: details() });
  }
  const arrays = new Set(options.arrayElements ?? []);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: true,
    htmlEntities: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    isArray: (name) => arrays.has(name),
  });
  let parsed: XmlElement;
  try {
    parsed = parser.parse(text, true) as XmlElement;
  } catch (error) {
    throw new GatewayMalformedResponseError(`${gateway} sent XML that cannot be read (it may be truncated).`, {
      retryable,
      details: details(),
      cause: error instanceof Error ? { name: error.name, message: error.message } : undefined,
    });
  }
  return parsed;
}

/** The text of a child element: `<To />` and missing elements give `undefined`, `<X>v</X>` gives `v`. */
export function xmlText(element: XmlElement | undefined, name: string): string | undefined {
  const value = element?.[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object' && !Array.isArray(value)) {
    const inner = (value as XmlElement)['#text'];
    return inner === undefined || inner === '' ? undefined : String(inner);
  }
  return undefined;
}

/** An attribute of an element (`Count`, `Name` …), as written. */
export function xmlAttribute(element: XmlElement | undefined, name: string): string | undefined {
  const value = element?.[`@_${name}`];
  return value === undefined ? undefined : String(value);
}

/** Children with a given name as an array (absent → [], single → [one]). */
export function xmlChildren(element: XmlElement | undefined, name: string): XmlElement[] {
  const value = element?.[name];
  if (value === undefined || value === null || value === '') return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((item) => (typeof item === 'object' && item !== null ? (item as XmlElement) : { '#text': item }));
}
