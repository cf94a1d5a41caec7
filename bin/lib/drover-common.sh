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

# require_java: a Java 17 or newer runtime, as $JAVA.
require_java() {
  command -v "$JAVA" >/dev/null 2>&1 ||
    die "java is not installed or not on PATH. Install a JDK 17 or newer (Debian: apt-get install openjdk-17-jdk-headless) or set JAVA_HOME."
  local version major
  version=$("$JAVA" -version 2>&1 | sed -n -E '1s/.*version "([^"]*)".*/\1/p')
  major=${version%%[.+-]*}
  if [[ ! $major =~ ^[0-9]+$ ]] || ((major == 1 || major < 17)); then
    die "Drover needs Java 17 or newer, but $JAVA is version ${version:-unknown}. Set JAVA_HOME to a newer JDK."
  fi
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

# run_app MODULE ARGS...: runs MODULE's executable jar in the foreground, building it when it is missing.
run_app() {
  local module=$1 jar config
  shift
  require_java
  jar=$(require_jar exec "$module")
  config=$(config_args "${module%-app}")
  exec "$JAVA" ${JAVA_OPTS[@]+"${JAVA_OPTS[@]}"} -jar "$jar" ${config:+"$config"} "$@"
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
