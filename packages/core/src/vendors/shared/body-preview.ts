import type { HttpResponse } from '../../transport/http-transport';
import { redactSecrets } from '../../transport/redact-secrets';

/** True when a body is an HTML page (a proxy's or web server's error page, a login form). */
export function looksLikeHtml(body: string): boolean {
  return /^\s*(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<title[\s>])/i.test(body);
}

/** The first characters of a body, secrets scrubbed, whitespace folded: safe for messages and details. */
export function previewBody(body: string, secrets: readonly string[] = [], maxLength = 200): string {
  const folded = redactSecrets(body, secrets).replace(/\s+/g, ' ').trim();
  return folded.length > maxLength ? `${folded.slice(0, maxLength)}…` : folded;
}

/** Lower-cased media type of a response without parameters (`application/json`), or ''. */
export function mediaType(response: HttpResponse): string {
  return (response.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}
