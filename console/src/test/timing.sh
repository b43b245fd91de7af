#!/usr/bin/env bash
# Per-update FX-thread cost of a console page, headless under Monocle with the software pipeline (as the tests):
#   console/src/test/timing.sh [SalesViewTiming] [updates] [org|show]
# Builds the test classes, then runs the timing class; extra JVM flags in JAVA_OPTS (e.g. -Djavafx.pulseLogger=true).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
cd "$ROOT"
main=${1:-SalesViewTiming}
shift || true
mvn -B -q ${MVN_OPTS:-} -pl console -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/timing.classpath
CP="$ROOT/console/target/test-classes:$ROOT/console/target/classes:$(cat "$ROOT/console/target/timing.classpath")"
class=$(cd console/src/test/java && find . -name "$main.java" | sed 's|^\./||; s|\.java$||; s|/|.|g')
# shellcheck disable=SC2086
exec "$JAVA_HOME/bin/java" -Dprism.order=sw -Dprism.text=t2k -Dglass.platform=Monocle -Dmonocle.platform=Headless \
    -Dheadless.geometry=1600x1000-32 -Djava.awt.headless=true --enable-native-access=ALL-UNNAMED ${JAVA_OPTS:-} \
    -cp "$CP" "$class" "$@"
