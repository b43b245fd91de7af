#!/usr/bin/env bash
# A demo backend with data for the console (screenshots, trying pages by hand): builds the test classes,
# then runs za.voelgoed.console.testing.DemoBackend, which starts the real backend and the payment
# simulator as processes, seeds an organisation over the REST API and prints URL=, TOKEN=, ORG= lines.
# It keeps running (and selling, with --rate N per second) until Ctrl-C; its database and keys go with it.
#   console/src/test/demo.sh [--sales 200] [--rate 2] [--port 8080] [--dead-letters 3] [--seed 1]
# Needs PostgreSQL on :5432 and Redis on :6379 as the tests do. MVN_OPTS (e.g. -o) is passed to Maven.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
cd "$ROOT"
# the reactor resolves backend, its test-jar and the simulator to their target/ directories: no install
mvn -B -q ${MVN_OPTS:-} -pl console -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/demo.classpath
CP="$ROOT/console/target/test-classes:$ROOT/console/target/classes:$(cat "$ROOT/console/target/demo.classpath")"
cd "$ROOT/console"   # the backend's log goes to console/target/backend-process/
exec "$JAVA_HOME/bin/java" -cp "$CP" za.voelgoed.console.testing.DemoBackend "$@"
