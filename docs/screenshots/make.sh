#!/usr/bin/env bash
# Makes the console screenshots in this directory from a backend with data, under Xvfb:
#   docs/screenshots/make.sh
# Starts console/src/test/demo.sh (a real backend and payment simulator with a demo organisation that keeps
# selling), waits until it is ready, starts the scanner simulator at a gate "West" of the first show (two
# online devices, which hold WebSockets: the gates page lists them online), runs `bin/console --screenshot` for
# each page and for wall mode, and stops both. Needs xvfb-run and GTK (apt-get install -y --no-install-recommends xvfb libgtk-3-0).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=$ROOT/docs/screenshots
LOG=$(mktemp "${TMPDIR:-/tmp}/voelgoed-demo.XXXXXX")
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
command -v xvfb-run >/dev/null || { echo "xvfb-run is missing: apt-get install -y --no-install-recommends xvfb libgtk-3-0" >&2; exit 1; }

cd "$ROOT"
mvn -B -q ${MVN_OPTS:-} -DskipTests -pl backend,console -am package
setsid console/src/test/demo.sh --sales 150 --rate 3 --dead-letters 3 >"$LOG" 2>&1 &
demo=$!
sim=""
trap 'if [[ -n $sim ]]; then kill -TERM $sim 2>/dev/null || true; wait $sim 2>/dev/null || true; fi
      kill -TERM -- -$demo 2>/dev/null || true; wait $demo 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do
    grep -q '^READY' "$LOG" && break
    kill -0 $demo 2>/dev/null || { cat "$LOG" >&2; exit 1; }
    sleep 1
done
grep -q '^READY' "$LOG" || { echo "the demo backend did not get ready" >&2; tail -20 "$LOG" >&2; exit 1; }
URL=$(sed -n 's/^URL=//p' "$LOG")
TOKEN=$(sed -n 's/^TOKEN=//p' "$LOG")
ORG=$(sed -n 's/^ORG=//p' "$LOG")
SHOW=$(sed -n 's/^SHOWS=//p' "$LOG" | cut -d, -f1)
VOELGOED_TOKEN=$TOKEN "$JAVA_HOME/bin/java" -jar backend/target/backend.jar scan --backend "$URL" --org "$ORG" \
    --event "$SHOW" --gate West --devices 2 --buy 400 --rate 2 >"$LOG.scan" 2>&1 &
sim=$!
sleep 20 # a few telemetry seconds and sales minutes to draw

shot() { # name, console options... (SCREEN=WxH for another screen than 1920x1080; the window is at most 1440x900)
    local name=$1
    shift
    VOELGOED_URL=$URL VOELGOED_TOKEN=$TOKEN xvfb-run -a -s "-screen 0 ${SCREEN:-1920x1080}x24" \
        bin/console --forget-token "$@" --screenshot "$OUT/$name.png"
}
shot sales --page sales
shot telemetry --page telemetry
shot dlq --page dlq
SCREEN=1280x800 shot dlq-1280 --page dlq
shot gates --page gates
SCREEN=1280x800 shot gates-1280 --page gates
shot check-in --page check-in
shot wall --wall
shot wall-gates --wall --page gates
echo "==> screenshots in $OUT"
