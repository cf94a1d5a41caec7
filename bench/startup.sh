#!/usr/bin/env bash
# Start-up and idle memory of the daemons as users start them (issue 13), side by side with Spark 4.2
# standalone, in one run on one machine: for each way of starting, RUNS times (default 5), a master from
# bin/drover-master until its API answers, then, once the master is idle (as it would be on a machine of its
# own; SETTLE=0 starts the worker at once), a worker from bin/drover-worker until the master lists it ALIVE
# (each from its own exec), then both idle for 10 s and their resident memory; p50 of the runs, and the CPU
# seconds each had used when ready (on a busy machine wall time mostly waits for a core).
#
# Ways: JDK 17 without and with the AppCDS archive the scripts make; the JDK 25 under /usr/lib/jvm, when
# there is one, without and with its AOT cache; Spark's master and worker from its own launcher, when a Spark
# lab is there (SPARK_LAB, default bench/target/spark-lab, copied from SPARK_LAB_SOURCE — the reference lab
# beside the repository — and filled from Maven Central on first use; SPARK=0 skips it).
#
# Needs the jars: ./mvnw -B -q package -DskipTests -pl master-app,worker-app -am
# Usage: [SETTLE=0] bench/startup.sh [RUNS]. Prints the figures; asserts nothing. Everything it makes is under
# bench/target/bench-work and is deleted at the end; ports are free ones found at run time.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
RUNS=${1:-5}
mkdir -p "$ROOT/bench/target/bench-work"
WORK=$(mktemp -d "$ROOT/bench/target/bench-work/startup-XXXXXX")
# mktemp makes it 0700; as root the worker isolates its children, which must pass through it to their work.
chmod 0755 "$WORK"
SPARK_LAB=${SPARK_LAB:-$ROOT/bench/target/spark-lab}
SPARK_LAB_SOURCE=${SPARK_LAB_SOURCE:-$ROOT/../shared/reference/spark-lab}
[[ -d $SPARK_LAB_SOURCE ]] || SPARK_LAB_SOURCE=/work/shared/reference/spark-lab
SECRET_FILE=$WORK/secret
PIDS=()
cleanup() {
  local pid
  for pid in ${PIDS[@]+"${PIDS[@]}"}; do kill "$pid" 2>/dev/null || true; done
  for pid in ${PIDS[@]+"${PIDS[@]}"}; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
head -c 24 /dev/urandom | base64 | tr -d '/+=\n' >"$SECRET_FILE"
chmod 600 "$SECRET_FILE"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }
rss_mb() { awk '/VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo 0; }
cpu_s() { awk '{ printf "%.1f", ($14 + $15) / 100 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
# await_http PORT PATH PATTERN [SECRET_FILE]: waits (at most 180 s) until GET http://127.0.0.1:PORT/PATH answers
# 200 with a body matching PATTERN (with the bearer secret in SECRET_FILE, when given); prints the wall clock in
# ms at that moment. One python process polls every 20 ms on one kept-alive connection: a refused connect costs
# microseconds. (Until 2026-12-07 a curl started every 10 ms did, at about 20 ms of CPU each: two-thirds of one of
# the two cores taken from the daemons being timed, and a master request per poll while a worker registered.)
await_http() {
  python3 - "$@" <<'PY'
import http.client, re, sys, time
port, path, pattern = int(sys.argv[1]), sys.argv[2], re.compile(sys.argv[3])
headers = {}
if len(sys.argv) > 4:
    with open(sys.argv[4]) as secret:
        headers["Authorization"] = "Bearer " + secret.read().strip()
deadline = time.monotonic() + 180
connection = None
while time.monotonic() < deadline:
    try:
        if connection is None:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        body = response.read().decode("utf-8", "replace")
        if response.status == 200 and pattern.search(body):
            print(time.time_ns() // 1_000_000)
            sys.exit(0)
        if response.will_close:
            connection.close()
            connection = None
    except (OSError, http.client.HTTPException):
        if connection is not None:
            connection.close()
        connection = None
    time.sleep(0.02)
sys.exit(1)
PY
}

# await_idle PID: waits until PID used under 50 ms of CPU in 500 ms (at most 20 s), as a daemon on a machine of
# its own would be when the next one starts: a master that has just answered still compiles its start-up for
# seconds (JDK 25 replays the AOT cache's training compilations), on one of the two cores the worker would get.
# SETTLE=0 skips it and starts the worker the moment the master answers.
await_idle() {
  local before after tries=0
  [[ ${SETTLE:-1} == 0 ]] && return 0
  before=$(cpu_ticks "$1")
  while ((tries++ < 40)); do
    sleep 0.5
    after=$(cpu_ticks "$1")
    ((after - before < 5)) && return 0
    before=$after
  done
}
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
stop() {
  local pid
  for pid in "$@"; do kill "$pid" 2>/dev/null || true; done
  for pid in "$@"; do wait "$pid" 2>/dev/null || true; done
  PIDS=()
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# ---- Drover -------------------------------------------------------------------------------------------

drover_master_ready() { await_http "$1" /api/v1/cluster . "$SECRET_FILE"; }
drover_worker_alive() { await_http "$1" /api/v1/cluster '"aliveWorkers":[1-9]' "$SECRET_FILE"; }

# drover_run LABEL JAVA CDS: RUNS starts of a master and a worker; prints one line of p50s.
drover_run() {
  local label=$1 java=$2 cds=$3 run mp wp dir
  local masters=() workers=() mrss=() wrss=() mcpu=() wcpu=()
  export DROVER_JAVA=$java DROVER_CDS=$cds XDG_CACHE_HOME=$WORK/cache-${java//\//_}
  for ((run = 0; run <= RUNS; run++)); do
    mp=$(free_port) wp=$(free_port) dir=$WORK/drover-$run
    mkdir -p "$dir"
    start_master() {
      "$ROOT/bin/drover-master" --server.port="$mp" --drover.master.data-dir="$dir/data" \
        --drover.auth.secret-file="$SECRET_FILE" >"$dir/master.log" 2>&1 &
    }
    start_worker() {
      "$ROOT/bin/drover-worker" --server.port="$wp" --drover.worker.master-urls="http://127.0.0.1:$mp" \
        --drover.auth.secret-file="$SECRET_FILE" --drover.worker.work-dir="$dir/work" --drover.worker.cores=2 \
        --drover.worker.memory-mb=2048 >"$dir/worker.log" 2>&1 &
    }
    measure_pair "$label" "$dir" "drover_master_ready $mp" "drover_worker_alive $mp" || return 1
    if ((run == 0)); then # the first start of a way prepares its archive: not counted
      masters=() workers=() mrss=() wrss=() mcpu=() wcpu=()
    fi
  done
  report "$label" masters workers mrss wrss mcpu wcpu
}

# measure_pair LABEL DIR MASTER_READY WORKER_READY: runs start_master until MASTER_READY succeeds, then
# start_worker until WORKER_READY does, 10 s idle, then stops both; appends to the caller's masters,
# workers, mrss, wrss, mcpu and wcpu.
measure_pair() {
  local label=$1 dir=$2 t0 t1 mpid wpid
  t0=$(now_ms)
  start_master
  mpid=$! PIDS=("$mpid")
  # shellcheck disable=SC2086 # the ready checks are a command and its argument
  t1=$($3) || { echo "$label: the master did not answer" >&2; tail -20 "$dir/master.log" >&2; return 1; }
  masters+=($((t1 - t0))) mcpu+=("$(cpu_s "$mpid")")
  await_idle "$mpid"
  t0=$(now_ms)
  start_worker
  wpid=$! PIDS+=("$wpid")
  # shellcheck disable=SC2086
  t1=$($4) || { echo "$label: the worker did not register" >&2; tail -20 "$dir/worker.log" >&2; return 1; }
  workers+=($((t1 - t0))) wcpu+=("$(cpu_s "$wpid")")
  sleep 10
  mrss+=("$(rss_mb "$mpid")") wrss+=("$(rss_mb "$wpid")")
  stop "$mpid" "$wpid"
  rm -rf "$dir"
}

# report LABEL ARRAYS...: one line of p50s.
report() {
  local -n m=$2 w=$3 mr=$4 wr=$5 mc=$6 wc=$7
  printf '%-34s master ready p50 %6d ms (%s s CPU)   worker registered p50 %6d ms (%s s CPU)   idle RSS p50 master %4d MB, worker %4d MB   (%d runs)\n' \
    "$1" "$(printf '%s\n' "${m[@]}" | median)" "$(printf '%s\n' "${mc[@]}" | median)" \
    "$(printf '%s\n' "${w[@]}" | median)" "$(printf '%s\n' "${wc[@]}" | median)" \
    "$(printf '%s\n' "${mr[@]}" | median)" "$(printf '%s\n' "${wr[@]}" | median)" "${#m[@]}"
}

# ---- Spark 4.2 standalone -----------------------------------------------------------------------------

spark_ready() {
  if [[ ! -d $SPARK_LAB/work/spark-home/jars ]] || ! ls "$SPARK_LAB"/work/spark-home/jars/spark-core_* >/dev/null 2>&1; then
    [[ -d $SPARK_LAB_SOURCE ]] || return 1
    mkdir -p "$SPARK_LAB"
    cp -r "$SPARK_LAB_SOURCE"/. "$SPARK_LAB"/ && chmod -R u+w "$SPARK_LAB"
    (cd "$SPARK_LAB" && mvn -B -q dependency:copy-dependencies) >&2 || return 1
  fi
  mkdir -p "$SPARK_LAB/work/spark-home/conf"
  return 0
}

spark_command() { # the java command line Spark's own scripts would run
  java -Xmx128m -cp "$SPARK_HOME/jars/*" org.apache.spark.launcher.Main "$@" | tail -c +3 | tr '\0' '\n'
}

spark_master_ready() { await_http "$1" /json/ .; }
spark_worker_alive() { await_http "$1" /json/ '"state" *: *"ALIVE"'; }

spark_run() {
  local run mp mu wp wu dir
  local masters=() workers=() mrss=() wrss=() mcpu=() wcpu=() mcmd wcmd
  export SPARK_HOME=$SPARK_LAB/work/spark-home SPARK_CONF_DIR=$WORK/spark-conf SPARK_SCALA_VERSION=2.13
  export SPARK_LOCAL_IP=127.0.0.1 SPARK_LOCAL_HOSTNAME=127.0.0.1 SPARK_PUBLIC_DNS=127.0.0.1
  mkdir -p "$SPARK_CONF_DIR"
  for ((run = 0; run <= RUNS; run++)); do
    mp=$(free_port) mu=$(free_port) wp=$(free_port) wu=$(free_port) dir=$WORK/spark-$run
    mkdir -p "$dir/work" "$dir/logs"
    # REST submissions on a free port too, as the lab's spark-defaults.conf would have it on 6066.
    printf 'spark.master.rest.enabled true\nspark.master.rest.host 127.0.0.1\nspark.master.rest.port %s\n' \
      "$(free_port)" >"$SPARK_CONF_DIR/spark-defaults.conf"
    mapfile -t mcmd < <(spark_command org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$mp" --webui-port "$mu")
    mapfile -t wcmd < <(spark_command org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --port "$wp" \
      --webui-port "$wu" --cores 2 --memory 2g --work-dir "$dir/work" "spark://127.0.0.1:$mp")
    start_master() { SPARK_LOG_DIR=$dir/logs "${mcmd[@]}" >"$dir/master.log" 2>&1 & }
    start_worker() { SPARK_LOG_DIR=$dir/logs "${wcmd[@]}" >"$dir/worker.log" 2>&1 & }
    measure_pair Spark "$dir" "spark_master_ready $mu" "spark_worker_alive $mu" || return 1
    if ((run == 0)); then # as for Drover: the first start warms the page cache, not counted
      masters=() workers=() mrss=() wrss=() mcpu=() wcpu=()
    fi
  done
  report "Spark 4.2 standalone (JDK 17)" masters workers mrss wrss mcpu wcpu
}

# ---- the run ------------------------------------------------------------------------------------------

JDK17=$(readlink -f "$(command -v java)")
JDK25=$(ls -d /usr/lib/jvm/temurin-25*/bin/java 2>/dev/null | head -n 1 || true)
echo "Daemon start-up: p50 of $RUNS runs after one untimed start per way; $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
drover_run "Drover, JDK 17, no archive" "$JDK17" 0
drover_run "Drover, JDK 17, AppCDS archive" "$JDK17" 1
if [[ -n $JDK25 ]]; then
  drover_run "Drover, JDK 25, no archive" "$JDK25" 0
  drover_run "Drover, JDK 25, AOT cache" "$JDK25" 1
fi
if [[ ${SPARK:-1} != 0 ]] && spark_ready; then
  spark_run
else
  echo "Spark 4.2 standalone: skipped (no lab at $SPARK_LAB and none to copy from $SPARK_LAB_SOURCE, or SPARK=0)"
fi
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
