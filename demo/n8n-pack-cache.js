'use strict';
/**
 * The n8n package as n8n's community-package installer lays it out (`.n8n/nodes/node_modules/
 * n8n-nodes-smsbridge`, its own dependencies installed shallow beside it), made once from the
 * `npm pack` tarballs into a cache folder named after their content and reused while the build
 * does not change. `@smsbridge/core` is not published, so the package's dependency on it points
 * at the core's tarball.
 */
const { execFileSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { REPOSITORY, cacheRoot, markUsed, pruneInstalls } = require('./pack-cache');

function n8nCacheRoot() {
  return join(cacheRoot(), '..', 'n8n-demo');
}

/** Returns a `nodes` folder (for `<user folder>/.n8n/nodes`) holding the installed package. */
function installedN8nPack(log = () => {}) {
  const scratch = mkdtempSync(join(tmpdir(), 'smsbridge-n8n-demo-pack-'));
  try {
    const pack = (folder) => execFileSync('npm', ['pack', '--silent', '--pack-destination', scratch], { cwd: join(REPOSITORY, folder), encoding: 'utf8' }).trim().split('\n').at(-1);
    const nodesTarball = join(scratch, pack('.'));
    const coreTarball = join(scratch, pack('packages/core'));
    const hash = createHash('sha256');
    for (const file of [nodesTarball, coreTarball]) hash.update(readFileSync(file));
    const key = hash.digest('hex').slice(0, 16);
    const target = join(n8nCacheRoot(), key);
    if (existsSync(join(target, 'package.json'))) {
      log(`reusing the n8n package installed in ${target}`);
      markUsed(target);
      return target;
    }
    log(`installing the n8n package from its tarballs into ${target} (first run with this build; later runs reuse it)`);
    mkdirSync(n8nCacheRoot(), { recursive: true });
    const partial = mkdtempSync(join(n8nCacheRoot(), `${key}.partial-`));
    try {
      // The core's tarball stays beside the package: its dependency points there.
      const core = join(partial, 'smsbridge-core.tgz');
      writeFileSync(core, readFileSync(coreTarball));
      const packageFolder = join(partial, 'node_modules', 'n8n-nodes-smsbridge');
      mkdirSync(packageFolder, { recursive: true });
      execFileSync('tar', ['-xzf', nodesTarball, '-C', packageFolder, '--strip-components=1']);
      const manifestPath = join(packageFolder, 'package.json');
      const { devDependencies, peerDependencies, optionalDependencies, ...manifest } = JSON.parse(readFileSync(manifestPath, 'utf8'));
      void devDependencies;
      void peerDependencies;
      void optionalDependencies;
      manifest.dependencies = { ...manifest.dependencies, '@smsbridge/core': `file:${core}` };
      writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
      execFileSync('npm', ['install', '--audit=false', '--fund=false', '--bin-links=false', '--install-strategy=shallow', '--ignore-scripts=true', '--package-lock=false', '--prefer-offline', '--loglevel=error'], {
        cwd: packageFolder,
        stdio: ['ignore', 'ignore', 'inherit'],
        timeout: 600_000,
      });
      writeFileSync(join(partial, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { 'n8n-nodes-smsbridge': manifest.version } }, null, 2));
    } catch (error) {
      rmSync(partial, { recursive: true, force: true });
      throw new Error(`installing the n8n package into ${target} failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
    try {
      renameSync(partial, target);
    } catch (error) {
      if (!existsSync(target)) throw error;
      rmSync(partial, { recursive: true, force: true });
    }
    pruneInstalls(n8nCacheRoot());
    return target;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The cached real n8n (scripts/ensure-n8n.sh installs it the first time, about 6 minutes); returns its entry script. */
function ensureN8n() {
  const folder = execFileSync('bash', [join(REPOSITORY, 'scripts', 'ensure-n8n.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim().split('\n').at(-1);
  return join(folder, 'node_modules', 'n8n', 'bin', 'n8n');
}

module.exports = { installedN8nPack, ensureN8n };
