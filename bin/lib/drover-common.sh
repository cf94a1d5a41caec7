# shellcheck shell=bash
# Helpers shared by bin/drover-master, bin/drover-worker and bin/drover-local. Sourced, not run.
#
# Sets DROVER_HOME (the repository root or an unpacked release, found from the calling script's own
# location, so the scripts work from any directory and through symlinks), DROVER_RELEASE (1 in an unpacked
# release, whose jars are in lib/ and which has no sources to build), JAVA (the java command) and JAVA_OPTS
# (DROVER_JAVA_OPTS split into words).

# The callers source this file through its resolved path, so bin/lib/../.. is the root.
DROVER_HOME=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
if [[ -f $DROVER_HOME/mvnw ]]; then
  DROVER_RELEASE=0
else
  DROVER_RELEASE=1
fi

if [[ -n ${JAVA_HOME:-} && -x ${JAVA_HOME}/bin/java ]]; then
  JAVA="$JAVA_HOME/bin/java"
else
  JAVA=java
fi
# DROVER_JAVA names the java command outright (a JDK 25 starts the daemons fastest: its AOT cache).
if [[ -n ${DROVER_JAVA:-} ]]; then
  JAVA=$DROVER_JAVA
fi

# DROVER_JAVA_OPTS is split on whitespace, like Spark's SPARK_DAEMON_JAVA_OPTS (no quoting inside it).
JAVA_OPTS=()
read -r -a JAVA_OPTS <<<"${DROVER_JAVA_OPTS:-}"

die() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

# require_command NAME HINT: fails with HINT when NAME is not on PATH.
require_command() {
  command -v "$1" >/dev/null 2>&1 || die "$1 is not installed or not on PATH. $2"
}

# require_java: a Java 17 or newer runtime, as $JAVA; sets JAVA_VERSION ("17.0.15") and JAVA_MAJOR (17).
require_java() {
  command -v "$JAVA" >/dev/null 2>&1 ||
    die "java is not installed or not on PATH. Install a JDK 17 or newer (Debian: apt-get install openjdk-17-jdk-headless) or set JAVA_HOME."
  JAVA_VERSION=$(java_version)
  JAVA_MAJOR=${JAVA_VERSION%%[.+-]*}
  if [[ ! $JAVA_MAJOR =~ ^[0-9]+$ ]] || ((JAVA_MAJOR == 1 || JAVA_MAJOR < 17)); then
    die "Drover needs Java 17 or newer, but $JAVA is version ${JAVA_VERSION:-unknown}. Set JAVA_HOME to a newer JDK."
  fi
}

# trims_native_heap: whether $JAVA (JAVA_VERSION) knows -XX:TrimNativeHeapInterval: JDK 22 and later, and the
# backports to 17.0.9 and 21.0.1; an older JVM would refuse to start on it.
trims_native_heap() {
  local major minor patch
  IFS=. read -r major minor patch <<<"${JAVA_VERSION%%[+-]*}"
  major=${major:-0} patch=${patch:-0}
  [[ $major =~ ^[0-9]+$ && $patch =~ ^[0-9]+$ ]] || return 1
  ((major >= 22 || (major == 21 && patch >= 1) || (major == 17 && patch >= 9)))
}

# java_version: $JAVA's version ("17.0.15"), from its JDK's release file when it has one (starting a JVM to ask
# costs a tenth of a second of every daemon's start), else from `java -version`, whose first line naming a
# version may follow "Picked up JAVA_TOOL_OPTIONS".
java_version() {
  local bin version=""
  bin=$(readlink -f "$(command -v "$JAVA")" 2>/dev/null) || bin=""
  if [[ $bin == */bin/java && -f ${bin%/bin/java}/release ]]; then
    version=$(sed -n -E 's/^JAVA_VERSION="([^"]*)".*/\1/p' "${bin%/bin/java}/release")
  fi
  if [[ -z $version ]]; then
    version=$("$JAVA" -version 2>&1 | sed -n -E '/ version "/{s/.* version "([^"]*)".*/\1/p;q;}')
  fi
  printf '%s' "$version"
}

# newest_jar DIR PATTERN: the newest file in DIR matching the glob PATTERN (not a sources, javadoc or
# tests jar), or nothing.
newest_jar() {
  local dir=$1 pattern=$2 file best=""
  for file in "$dir"/$pattern; do
    [[ -f $file ]] || continue
    case $file in
      *-sources.jar | *-javadoc.jar | *-tests.jar) continue ;;
    esac
    if [[ -z $best || $file -nt $best ]]; then
      best=$file
    fi
  done
  printf '%s' "$best"
}

# exec_jar MODULE: the Spring Boot executable jar of master-app or worker-app, or nothing.
exec_jar() {
  if ((DROVER_RELEASE)); then
    newest_jar "$DROVER_HOME/lib" "$1-*-exec.jar"
  else
    newest_jar "$DROVER_HOME/$1/target" "$1-*-exec.jar"
  fi
}

# cli_jar: the command line's runnable jar, or nothing.
cli_jar() {
  if ((DROVER_RELEASE)); then
    newest_jar "$DROVER_HOME/lib" "drover-cli-*.jar"
  else
    newest_jar "$DROVER_HOME/cli/target" "cli-*-all.jar"
  fi
}

# require_jar KIND MODULE: prints the jar (KIND: exec or cli), building MODULE first when it is missing.
require_jar() {
  local kind=$1 module=$2 jar
  if [[ $kind == cli ]]; then jar=$(cli_jar); else jar=$(exec_jar "$module"); fi
  if [[ -z $jar ]]; then
    ((DROVER_RELEASE == 0)) || die "no $module jar in $DROVER_HOME/lib: this release is incomplete."
    build_modules "$module"
    if [[ $kind == cli ]]; then jar=$(cli_jar); else jar=$(exec_jar "$module"); fi
    [[ -n $jar ]] || die "the build finished but made no jar for $module."
  fi
  printf '%s' "$jar"
}

# config_args APP: in a release, where APP's (master or worker) commented configuration file is, as a
# Spring Boot option; nothing in the repository.
config_args() {
  if ((DROVER_RELEASE)) && [[ -f $DROVER_HOME/conf/$1.yml ]]; then
    printf '%s' "--spring.config.additional-location=optional:file:$DROVER_HOME/conf/$1.yml"
  fi
}

# build_modules LIST: packages the comma-separated modules and what they depend on, without tests.
build_modules() {
  printf 'Building %s with ./mvnw (this takes a minute the first time)...\n' "$1" >&2
  (cd "$DROVER_HOME" && ./mvnw -B -q -DskipTests package -pl "$1" -am) >&2 ||
    die "the build of $1 failed (see the Maven output above)."
}

# ---- small, fast-starting daemons (issue 13) -------------------------------------------------------

# daemon_opts MODULE: JVM options for a long-running master (master-app) or worker (worker-app), before
# DROVER_JAVA_OPTS (which come later on the command line, so they win). The serial collector: one or two
# cores do the work and pauses of a few ms on a heap of this size cost nothing, while G1's threads and
# regions cost tens of MB of RSS. A bounded heap (the JVM's default is a quarter of the machine's memory),
# returned to the system when idle; small thread stacks. The bean definitions Spring AOT generated when the jar
# was built (process-aot in the apps' poms): no scanning or condition evaluation at start (a third of the
# master's start-up CPU, measured). The C heap trimmed every 5 s: glibc keeps what start-up freed, 19 MB of an
# idle master's RSS (measured). A worker's JIT stops at C1: it launches processes and relays a few calls,
# and C2's compiler threads and code cost it 30 MB of its 175 MB idle (measured); the master keeps C2, which
# its heartbeats at scale need.
daemon_opts() {
  local heap=${DROVER_HEAP:-}
  if [[ -z $heap ]]; then
    if [[ $1 == master-app ]]; then heap=1g; else heap=256m; fi
  fi
  DAEMON_OPTS=(-XX:+UseSerialGC -Xss512k -Xms32m "-Xmx$heap" -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30
    -XX:ReservedCodeCacheSize=64m -Dspring.aot.enabled=true)
  if trims_native_heap; then
    DAEMON_OPTS+=(-XX:TrimNativeHeapInterval=5000)
  fi
  if [[ $1 == worker-app ]]; then
    DAEMON_OPTS+=(-XX:TieredStopAtLevel=1)
  fi
}

# training_args MODULE DIR: Spring Boot arguments for a training start that touches nothing outside DIR and
# nothing on the network: free ports, its own data or work directory, a throwaway secret, a master URL that
# nothing answers. The start stops as soon as the application context is refreshed. TRAINING_JIT: JVM options
# of that start beyond the daemon's own. A JDK 25 AOT cache keeps the compilations its training made and every
# start replays them, so the master's training stops at C1's tier 2: C2's, of code that runs only while
# starting, kept a master's C2 thread busy for 4 s of CPU per start, 3 s of them after the API answered; tier 1
# would pin the replayed methods there for good (heartbeats at scale cost a fifth more, measured). From tier 2
# what turns hot still goes on to C2. The worker's JIT stops at tier 1 anyway.
training_args() {
  local common=(--server.address=127.0.0.1 --server.port=0
    --drover.auth.secret=class-data-training-secret --logging.level.root=WARN)
  TRAINING_JIT=()
  if [[ $1 == master-app ]]; then
    TRAINING_ARGS=("${common[@]}" --drover.master.internal-port=0 --drover.master.data-dir="$2/data")
    TRAINING_JIT=(-XX:TieredStopAtLevel=2)
  else
    TRAINING_ARGS=("${common[@]}" --drover.worker.internal-port=0 --drover.worker.work-dir="$2/work"
      --drover.worker.master-urls=http://127.0.0.1:9 --drover.worker.isolation=none)
  fi
}

# class_data MODULE JAR: sets RUN_JAR and CDS_OPTS. With DROVER_CDS=0, RUN_JAR is JAR and CDS_OPTS empty.
# Otherwise the jar is extracted (Spring Boot's `-Djarmode=tools extract`: a plain class path that class-data
# sharing can map) and a training start records the classes it loads: on JDK 25 and later an AOT cache
# (-XX:AOTCacheOutput, JEP 483/514: classes loaded and linked), on JDK 17 to 24 a dynamic AppCDS archive
# (-XX:ArchiveClassesAtExit). Both live in ~/.cache/drover (XDG_CACHE_HOME), in a directory named by the
# jar's and the JVM's path, size and time, so a new build or another JDK makes a new one. An archive is valid
# only for the class path it was made with, so the training runs where the app will run from; a lock
# directory keeps two starts from preparing it at once, and the archive is renamed into place when complete.
# When anything fails the app starts without it.
class_data() {
  local module=$1 jar=$2 cache key dir jvm major=${JAVA_MAJOR:-17} log archive
  RUN_JAR=$jar
  CDS_OPTS=()
  [[ ${DROVER_CDS:-1} != 0 ]] || return 0
  cache=${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/drover
  jvm=$(readlink -f "$(command -v "$JAVA")")
  key=$(stat -L -c '%n %s %Y' "$jar" "$jvm" 2>/dev/null | cksum | cut -d' ' -f1)
  dir=$cache/$module-$key
  if ((major >= 25)); then archive=$dir/app.aot; else archive=$dir/app.jsa; fi
  if [[ ! -s $archive ]]; then
    mkdir -p "$cache" 2>/dev/null && mkdir "$dir.lock" 2>/dev/null || return 0
    log=$dir/training.log
    printf 'Preparing the class-data archive of %s for %s (once per build and JDK)...\n' "${jar##*/}" \
      "$("$JAVA" -version 2>&1 | head -n 1)" >&2
    forget_older_archives "$cache" "$module" "$jar"
    rm -rf "$dir"
    training_args "$module" "$dir/training"
    if mkdir -p "$dir" && "$JAVA" -Djarmode=tools -jar "$jar" extract --destination "$dir/app" >"$log" 2>&1 &&
      if ((major >= 25)); then
        "$JAVA" -XX:AOTCacheOutput="$archive.tmp" -Dspring.context.exit=onRefresh "${DAEMON_OPTS[@]}" \
          ${TRAINING_JIT[@]+"${TRAINING_JIT[@]}"} -jar "$dir/app/${jar##*/}" "${TRAINING_ARGS[@]}" >>"$log" 2>&1
      else
        "$JAVA" -XX:ArchiveClassesAtExit="$archive.tmp" -Dspring.context.exit=onRefresh "${DAEMON_OPTS[@]}" \
          -jar "$dir/app/${jar##*/}" "${TRAINING_ARGS[@]}" >>"$log" 2>&1
      fi && [[ -s $archive.tmp ]]; then
      mv -f "$archive.tmp" "$archive"
    else
      printf 'warning: could not prepare the class-data archive (%s); starting without it.\n' "$log" >&2
      rm -f "$archive.tmp"
    fi
    printf '%s\n' "$jar" >"$dir/source" 2>/dev/null || true
    rm -rf "$dir/training" "$dir.lock"
  fi
  [[ -s $archive ]] || return 0
  RUN_JAR=$dir/app/${jar##*/}
  if ((major >= 25)); then
    CDS_OPTS=(-XX:AOTCache="$archive")
  else
    CDS_OPTS=(-XX:SharedArchiveFile="$archive")
  fi
}

# forget_older_archives CACHE MODULE JAR: deletes the archives made for earlier builds of the same jar path
# (each entry names its jar in a file `source`), so rebuilding does not fill the cache.
forget_older_archives() {
  local source
  for source in "$1/$2"-*/source; do
    [[ -f $source && $(<"$source") == "$3" ]] && rm -rf "${source%/source}"
  done
  return 0
}

# daemon_command MODULE JAR: sets DAEMON_COMMAND, the java command up to its Spring Boot arguments.
daemon_command() {
  daemon_opts "$1"
  class_data "$1" "$2"
  DAEMON_COMMAND=("$JAVA" "${DAEMON_OPTS[@]}" ${CDS_OPTS[@]+"${CDS_OPTS[@]}"} ${JAVA_OPTS[@]+"${JAVA_OPTS[@]}"}
    -jar "$RUN_JAR")
}

# run_app MODULE ARGS...: runs MODULE's executable jar in the foreground, building it when it is missing.
run_app() {
  local module=$1 jar config
  shift
  require_java
  jar=$(require_jar exec "$module")
  config=$(config_args "${module%-app}")
  daemon_command "$module" "$jar"
  exec "${DAEMON_COMMAND[@]}" ${config:+"$config"} "$@"
}

# wants_help ARGS...: whether -h or --help is among ARGS.
wants_help() {
  local arg
  for arg in "$@"; do
    case $arg in
      -h | --help) return 0 ;;
    esac
  done
  return 1
}
