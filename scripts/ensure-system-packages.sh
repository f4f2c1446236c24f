#!/usr/bin/env bash
# Installs the Debian packages the tests drive as real peers: socat (pseudo-terminals for the
# virtual modem), gammu (an independent AT client), chromium (the headless browser that drives
# the real Node-RED editor at /usr/bin/chromium), and Redis and PostgreSQL (the queue and the
# database n8n's queue mode shares between its processes; the tests start their own instances in
# temporary folders, never the system's services). Does nothing when they are present.
set -euo pipefail
needed=()
command -v socat >/dev/null 2>&1 || needed+=(socat)
command -v gammu >/dev/null 2>&1 || needed+=(gammu)
[ -x /usr/bin/chromium ] || needed+=(chromium)
command -v redis-server >/dev/null 2>&1 || needed+=(redis-server)
command -v initdb >/dev/null 2>&1 || compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || needed+=(postgresql)
[ ${#needed[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "smsbridge tests need these Debian packages: ${needed[*]} (install them with apt-get as root)" >&2
  exit 1
fi
echo "installing ${needed[*]} for the tests" >&2
apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${needed[@]}" >/dev/null
