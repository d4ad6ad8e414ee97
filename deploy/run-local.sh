#!/usr/bin/env bash
# Two Rapport replicas on one PostgreSQL database behind HAProxy, on this machine: the
# stack tests/e2e/test_replicas.py runs, by hand. Ctrl-C stops all three processes.
#
#   RAPPORT_DATABASE_URL=postgresql://rapport:PASSWORD@127.0.0.1:5432/rapport deploy/run-local.sh
#
# PORT (default 8500) is the balancer's; the replicas take PORT+1 and PORT+2 on loopback.
# Needs HAProxy (Debian: apt-get install haproxy) and a PostgreSQL database Rapport may
# create its tables in; the replicas migrate it on first use, once between them.
set -euo pipefail
cd "$(dirname "$0")/.."

: "${RAPPORT_DATABASE_URL:?set RAPPORT_DATABASE_URL to a PostgreSQL URL (see docs/deploy.md)}"
case "$RAPPORT_DATABASE_URL" in
  postgresql*) ;;
  *) echo "Several replicas need PostgreSQL: SQLite is one process's database." >&2; exit 2 ;;
esac
command -v haproxy >/dev/null || { echo "HAProxy is not installed (apt-get install haproxy)." >&2; exit 2; }

PORT="${PORT:-8500}"
export RAPPORT_PUBLIC_URL="${RAPPORT_PUBLIC_URL:-http://localhost:$PORT}"
export RAPPORT_LB_BIND="${RAPPORT_LB_BIND:-0.0.0.0:$PORT}"
export RAPPORT_REPLICA_1="127.0.0.1:$((PORT + 1))"
export RAPPORT_REPLICA_2="127.0.0.1:$((PORT + 2))"

make --no-print-directory .venv/.runtime
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT INT TERM
for replica in "$RAPPORT_REPLICA_1" "$RAPPORT_REPLICA_2"; do
  .venv/bin/streamlit run app.py --server.headless true --server.address 127.0.0.1 \
    --server.port "${replica##*:}" --browser.gatherUsageStats false &
  pids+=("$!")
done
echo "Rapport on $RAPPORT_PUBLIC_URL: replicas $RAPPORT_REPLICA_1 and $RAPPORT_REPLICA_2"
haproxy -db -f deploy/haproxy.cfg
