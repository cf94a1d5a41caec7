#!/usr/bin/env bash
# Measures `drover status` wall time against a running master (issue 11: p50 of 20 runs, target under
# 300 ms), with and without the AppCDS archive bin/drover keeps, in the same run on the same machine.
# Needs the jars: ./mvnw -B -q package -DskipTests -pl master-app,cli -am
# Usage: bench/cli-startup.sh [RUNS]   (default 20). Prints the figures; asserts nothing.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
RUNS=${1:-20}
WORK=$(mktemp -d)
MASTER_PID=""
cleanup() {
  if [[ -n $MASTER_PID ]]; then kill "$MASTER_PID" 2>/dev/null && wait "$MASTER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
(cd "$WORK" && exec "$ROOT/bin/drover-master" --server.port="$PORT" >"$WORK/master.log" 2>&1) &
MASTER_PID=$!
export DROVER_MASTER=http://127.0.0.1:$PORT XDG_CACHE_HOME=$WORK/cache
for _ in $(seq 1 120); do
  [[ -s $WORK/data/cluster-secret ]] && curl -fsS "$DROVER_MASTER/actuator/health/readiness" >/dev/null 2>&1 && break
  sleep 0.5
done
DROVER_TOKEN=$(cat "$WORK/data/cluster-secret")
export DROVER_TOKEN

# measure LABEL: RUNS timed runs of bin/drover status; prints p50, p90, min and max in ms.
measure() {
  local label=$1 i start end times=()
  for ((i = 0; i < RUNS; i++)); do
    start=$(date +%s%N)
    "$ROOT/bin/drover" status >/dev/null
    end=$(date +%s%N)
    times+=($(((end - start) / 1000000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v label="$label" -v n="$RUNS" '
    { t[NR] = $1 }
    END { printf "%-34s p50 %4d ms   p90 %4d ms   min %4d ms   max %4d ms   (%d runs)\n",
          label, t[int((n + 1) / 2)], t[int(n * 0.9 + 0.5)], t[1], t[n], n }'
}

echo "drover status against $DROVER_MASTER, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
DROVER_CDS=0 measure "without class-data sharing archive"
"$ROOT/bin/drover" status >/dev/null # the first run with CDS on records the archive
measure "with the AppCDS archive"
echo "archive: $(ls -s "$XDG_CACHE_HOME"/drover/*.jsa)"
