/**
 * The pack as a user gets it: `npm pack` of `packages/core` and `node-red/` (built beforehand by
 * `npm test`'s typecheck step), installed into a fresh Node-RED user directory the way the palette
 * manager installs a package.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REPOSITORY = join(__dirname, '..', '..', '..');

/** The demo's packer (`demo/pack-cache.js`): both packages packed into a folder; the tarball paths. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { packTarballs } = require('../../../demo/pack-cache') as { packTarballs(into: string): { core: string; nodeRed: string } };

/** A fresh user directory with both tarballs installed (dependencies from the registry or npm's cache). */
export function userDirWithPack(): string {
  const userDir = mkdtempSync(join(tmpdir(), 'smsbridge-node-red-user-'));
  const tarballs = packTarballs(join(userDir, 'tarballs'));
  writeFileSync(join(userDir, 'package.json'), JSON.stringify({ name: 'node-red-project', private: true, description: 'smsbridge e2e user directory' }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', '--loglevel=error', tarballs.core, tarballs.nodeRed], {
    cwd: userDir,
    stdio: ['ignore', 'ignore', 'inherit'],
    timeout: 300_000,
  });
  return userDir;
}
