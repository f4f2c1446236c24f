#!/usr/bin/env bash
# Runs the rules of `n8n-node lint` (@n8n/node-cli's ESLint config: n8n-nodes-base and the
# community-nodes plugin) over nodes/, credentials/ and package.json. The CLI is installed once
# into a cache outside the repository (it is large and only this check needs it); its own
# `lint` command wants the config and ESLint inside the project, so the same config is run here
# through ESLint directly. Rules this package cannot meet are listed in nodes/README.md.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
version="${SMSBRIDGE_N8N_NODE_CLI_VERSION:-0.48.3}"
cache_root="${XDG_CACHE_HOME:-$HOME/.cache}/smsbridge"
cli="$cache_root/n8n-node-cli-$version"
export PATH="$repo/node_modules/node/bin:$PATH"
mkdir -p "$cache_root"
exec 9>"$cli.lock"
flock 9
if [ ! -f "$cli/.installed" ]; then
  rm -rf "$cli"
  mkdir -p "$cli"
  echo '{ "name": "smsbridge-n8n-node-cli", "private": true }' >"$cli/package.json"
  # --ignore-scripts: the CLI's own preinstall insists on pnpm, which only matters to its developers.
  (cd "$cli" && npm install --ignore-scripts --no-audit --no-fund --loglevel=error "@n8n/node-cli@$version" >/dev/null)
  touch "$cli/.installed"
fi
flock -u 9
config="$repo/.n8n-node-lint.config.mjs"
trap 'rm -f "$config"' EXIT
printf "import { configWithoutCloudSupport } from '%s';\nexport default configWithoutCloudSupport;\n" "$cli/node_modules/@n8n/node-cli/dist/configs/eslint.js" >"$config"
cd "$repo"
"$cli/node_modules/.bin/eslint" --config "$config" nodes credentials package.json "$@"
