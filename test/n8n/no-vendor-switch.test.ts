/**
 * The n8n layer builds everything from the vendor registry: no vendor key appears in nodes/ or
 * credentials/ except in the one table of public credential type names (GatewayCredentials.ts)
 * and in each credential file's one call naming its gateway (n8n loads one class per file), so
 * no `switch`/`if` on a vendor can hide there.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createVendorRegistry } from '@smsbridge/core';

const REPO = join(__dirname, '../..');
const ALLOWED = new Set(['nodes/shared/GatewayCredentials.ts']);

function sources(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

it('names no vendor in nodes/ or credentials/ outside the credential name table', () => {
  const keys = createVendorRegistry().keys();
  const pattern = new RegExp(`(['"\`])(${keys.join('|')})\\1`);
  const offenders = [...sources(join(REPO, 'nodes')), ...sources(join(REPO, 'credentials'))]
    .map((path) => relative(REPO, path))
    .filter((path) => !ALLOWED.has(path))
    .filter((path) => {
      const text = readFileSync(join(REPO, path), 'utf8').replace(/gatewayCredentialType\('[a-z]+'\)/g, '');
      return pattern.test(text) || /\bswitch\s*\(\s*gateway\b/.test(text);
    });
  expect(offenders).toEqual([]);
});
