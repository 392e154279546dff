# Shared by the benchmarks that run the jar on the demo data (paired.sh, steady.sh): source it, do not run it.

# start_app PORT "java options" JAR LOG: starts the app on a fresh data directory; sets APP_PID and APP_DATA.
start_app() {
  APP_DATA=$(mktemp -d /tmp/modo-bench-XXXXXX)
  # shellcheck disable=SC2086 # the options are words on purpose
  MODO_DATA_DIR=$APP_DATA PORT=$1 java $2 -jar "$3" > "$4" 2>&1 &
  APP_PID=$!
}

# demo_target BASE PATH: waits until the app is ready, signs in as the demo producer and sets TARGET_URL and
# TARGET_HEADER. PATH may hold {P} for the demo project's id; /api/… is called with the bearer token, pages with the
# session cookie, /actuator/… and /css/… without. Stops the script when the target does not answer 2xx.
demo_target() {
  local base=$1 token org project path
  until curl -fs "$base/actuator/health/readiness" >/dev/null 2>&1; do sleep 1; done
  token=$(curl -fs "$base/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d '{"email":"raka@kancil.demo","password":"Demo-Creator-Verse-2026"}' | sed 's/.*"token":"\([^"]*\)".*/\1/')
  org=$(curl -fs -H "Authorization: Bearer $token" "$base/api/v1/organizations" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
  project=$(curl -fs -H "Authorization: Bearer $token" "$base/api/v1/organizations/$org/projects" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
  path=${2//\{P\}/$project}
  case $path in
    /api/*) TARGET_HEADER="Authorization: Bearer $token" ;;
    /actuator/*|/css/*) TARGET_HEADER="Accept: */*" ;;
    *) TARGET_HEADER="Cookie: MODO_SESSION=$token" ;;
  esac
  TARGET_URL=$base$path
  curl -fs -o /dev/null -H "$TARGET_HEADER" "$TARGET_URL" || { echo "$TARGET_URL does not answer 2xx" >&2; exit 1; }
}

# wrk_summary FILE: "requests/s p50 p99" of a wrk --latency output, the latencies in ms; stops on failed requests.
wrk_summary() {
  grep -q "Non-2xx\|Socket errors" "$1" && { cat "$1" >&2; exit 1; }
  python3 - "$1" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
def ms(value):
    for unit, factor in (("us", 0.001), ("ms", 1.0), ("s", 1000.0)):
        if value.endswith(unit):
            return float(value[: -len(unit)]) * factor
rps = re.search(r"Requests/sec:\s+(\S+)", text).group(1)
p50 = re.search(r"^\s+50%\s+(\S+)", text, re.M).group(1)
p99 = re.search(r"^\s+99%\s+(\S+)", text, re.M).group(1)
print(f"{float(rps):.1f} {ms(p50):.2f} {ms(p99):.2f}")
PY
}
