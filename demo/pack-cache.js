'use strict';
/**
 * The pack as a user installs it: `npm pack` of `packages/core` and `node-red/`, installed once into
 * a cache directory outside the repository named after the tarballs' content, so a second run with
 * the same build reuses it and starts in seconds. The three most recently used builds are kept.
 */
const { execFileSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } = require('node:fs');
const { homedir, tmpdir } = require('node:os');
const { join } = require('node:path');

const REPOSITORY = join(__dirname, '..');

function cacheRoot() {
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'smsbridge', 'node-red-demo');
}

/** Marks an install as just used, so pruning keeps it. */
function markUsed(folder) {
  const now = new Date();
  utimesSync(folder, now, now);
}

/** Keeps the `keep` most recently used installs of a cache folder (one per build); older builds go. */
function pruneInstalls(root, keep = 3) {
  const installs = readdirSync(root)
    .filter((name) => /^[0-9a-f]{16}$/.test(name))
    .map((name) => ({ folder: join(root, name), used: statSync(join(root, name)).mtimeMs }))
    .sort((a, b) => b.used - a.used);
  for (const { folder } of installs.slice(keep)) rmSync(folder, { recursive: true, force: true });
}

/** Packs both packages into `into`; returns the tarball paths. */
function packTarballs(into) {
  mkdirSync(into, { recursive: true });
  const pack = (folder) => {
    const out = execFileSync('npm', ['pack', '--silent', '--pack-destination', into], { cwd: join(REPOSITORY, folder), encoding: 'utf8' });
    return join(into, out.trim().split('\n').at(-1));
  };
  return { core: pack('packages/core'), nodeRed: pack('node-red') };
}

/**
 * A directory whose node_modules holds both packages installed from their tarballs; reused when
 * the tarballs are byte-identical to the ones it was made from. `log` tells what happens.
 */
function installedPack(log = () => {}) {
  const scratch = mkdtempSync(join(tmpdir(), 'smsbridge-demo-pack-'));
  try {
    const tarballs = packTarballs(scratch);
    const hash = createHash('sha256');
    for (const file of [tarballs.core, tarballs.nodeRed]) hash.update(readFileSync(file));
    const key = hash.digest('hex').slice(0, 16);
    const target = join(cacheRoot(), key);
    if (existsSync(join(target, 'node_modules', 'node-red-contrib-smsbridge', 'package.json'))) {
      log(`reusing the pack installed in ${target}`);
      markUsed(target);
      return target;
    }
    log(`installing the pack from its tarballs into ${target} (first run with this build; later runs reuse it)`);
    mkdirSync(cacheRoot(), { recursive: true });
    // Installed beside the target and renamed, so an interrupted install is never taken for a finished one.
    const partial = mkdtempSync(join(cacheRoot(), `${key}.partial-`));
    writeFileSync(join(partial, 'package.json'), JSON.stringify({ name: 'smsbridge-node-red-demo', private: true, description: 'installed by npm start' }));
    try {
      execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', '--loglevel=error', tarballs.core, tarballs.nodeRed], {
        cwd: partial,
        stdio: ['ignore', 'ignore', 'inherit'],
        timeout: 600_000,
      });
    } catch (error) {
      rmSync(partial, { recursive: true, force: true });
      throw new Error(`installing the pack into ${target} failed (${error.signal ?? `exit ${error.status}`}); npm said what above`);
    }
    try {
      renameSync(partial, target);
    } catch (error) {
      // Another run finished the same install first: theirs is as good as ours.
      if (!existsSync(target)) throw error;
      rmSync(partial, { recursive: true, force: true });
    }
    pruneInstalls(cacheRoot());
    return target;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

module.exports = { REPOSITORY, cacheRoot, packTarballs, installedPack, markUsed, pruneInstalls };
