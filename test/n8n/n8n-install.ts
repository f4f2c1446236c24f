import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO = resolve(__dirname, '../..');
/** The repository's own Node 24 (n8n 2.x needs it; the system Node may be 20). */
export const NODE = join(REPO, 'node_modules/node/bin/node');

/** The cached n8n install (scripts/ensure-n8n.sh installs it on first use); returns the n8n entry script. */
export function ensureN8n(): string {
  const folder = execFileSync('bash', [join(REPO, 'scripts/ensure-n8n.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim().split('\n').pop()!;
  return join(folder, 'node_modules/n8n/bin/n8n');
}

function npm(args: string[], cwd: string): string {
  return execFileSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, PATH: `${join(REPO, 'node_modules/node/bin')}:${process.env['PATH']}` }, stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * Builds the core and the n8n package, packs both with `npm pack` and installs the package into
 * `<userFolder>/.n8n/nodes` the way n8n 2.41's community-package installer does
 * (CommunityPackagesService.downloadPackage): the tarball extracted into
 * `node_modules/n8n-nodes-smsbridge`, its dev, peer and optional dependencies dropped from its
 * package.json, `npm install --install-strategy=shallow --ignore-scripts --package-lock=false`
 * inside it, and the package named in `<nodes>/package.json`. One difference: `@smsbridge/core` is
 * not published, so its dependency points at the core's own tarball instead of the registry.
 * Returns the user folder.
 */
export function installPackedNodes(): string {
  const work = mkdtempSync(join(tmpdir(), 'smsbridge-n8n-'));
  const packs = join(work, 'packs');
  mkdirSync(packs);
  // Build and pack under one lock: jest runs the e2e files in parallel workers, and two tsc
  // builds writing the same dist/ (or a pack reading it half written) would break each other.
  const script = [
    `"${NODE}" node_modules/typescript/bin/tsc -b packages/core tsconfig.n8n.json`,
    `"${NODE}" scripts/copy-n8n-assets.js`,
    `npm pack --silent --pack-destination "${packs}" >/dev/null`,
    `(cd packages/core && npm pack --silent --pack-destination "${packs}" >/dev/null)`,
  ].join(' && ');
  execFileSync('flock', [join(tmpdir(), 'smsbridge-n8n-build.lock'), 'bash', '-c', script], {
    cwd: REPO,
    stdio: 'inherit',
    env: { ...process.env, PATH: `${join(REPO, 'node_modules/node/bin')}:${process.env['PATH']}` },
  });
  const tarballs = readdirSync(packs);
  const core = join(packs, tarballs.find((name) => name.startsWith('smsbridge-core-'))!);
  const nodes = join(packs, tarballs.find((name) => name.startsWith('n8n-nodes-smsbridge-'))!);
  const userFolder = join(work, 'user');
  const nodesFolder = join(userFolder, '.n8n/nodes');
  const packageFolder = join(nodesFolder, 'node_modules/n8n-nodes-smsbridge');
  mkdirSync(packageFolder, { recursive: true });
  execFileSync('tar', ['-xzf', nodes, '-C', packageFolder, '--strip-components=1']);
  const manifestPath = join(packageFolder, 'package.json');
  const { devDependencies, peerDependencies, optionalDependencies, ...manifest } = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  void devDependencies;
  void peerDependencies;
  void optionalDependencies;
  manifest['dependencies'] = { ...(manifest['dependencies'] as Record<string, string>), '@smsbridge/core': `file:${core}` };
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  npm(['install', '--audit=false', '--fund=false', '--bin-links=false', '--install-strategy=shallow', '--ignore-scripts=true', '--package-lock=false', '--loglevel=error'], packageFolder);
  writeFileSync(join(nodesFolder, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { 'n8n-nodes-smsbridge': manifest['version'] } }, null, 2));
  return userFolder;
}
