# Sourced by .ci/run and bench/*.sh: points JAVA_HOME at a JDK 21 or newer when the default java is older.
java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n1
}

select_jdk() {
  local current major candidate best="" best_major=0
  current=$(command -v java || true)
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then current="$JAVA_HOME/bin/java"; fi
  if [ -n "$current" ]; then
    major=$(java_major "$current")
    # JAVA_HOME may name a JDK that is not first on the PATH, and the scripts run plain `java`.
    if [ "${major:-0}" -ge 21 ] 2>/dev/null; then export PATH="$(dirname "$current"):$PATH"; return 0; fi
  fi
  for candidate in /usr/lib/jvm/*/bin/java /opt/*/bin/java; do
    [ -x "$candidate" ] || continue
    major=$(java_major "$candidate")
    if [ "${major:-0}" -ge 21 ] 2>/dev/null && [ "$major" -gt "$best_major" ]; then
      best=$candidate; best_major=$major
    fi
  done
  if [ -z "$best" ]; then
    echo "No JDK 21 or newer found; install one (e.g. apt-get install openjdk-21-jdk-headless)." >&2
    return 1
  fi
  JAVA_HOME=$(dirname "$(dirname "$best")")
  export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
  echo "Using JDK $best_major at $JAVA_HOME"
}
