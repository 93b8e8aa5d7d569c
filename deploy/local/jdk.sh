# Sourced by every script of the project: exports JAVA_HOME pointing at a JDK >= 21.
# Order: $JAVA_HOME when it is >= 21, else the newest JDK >= 21 under /usr/lib/jvm, else stop.

jdk_major() { # prints the major version of the JDK at $1, or nothing
  local release="$1/release"
  [ -x "$1/bin/java" ] || return 0
  if [ -f "$release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release"
  else
    "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/.*java.specification.version = \([0-9]*\).*/\1/p'
  fi
}

select_jdk() {
  local v
  if [ -n "${JAVA_HOME:-}" ]; then
    v=$(jdk_major "$JAVA_HOME")
    if [ -n "$v" ] && [ "$v" -ge 21 ]; then export JAVA_HOME; export PATH="$JAVA_HOME/bin:$PATH"; return 0; fi
  fi
  local best="" best_v=0 d
  for d in /usr/lib/jvm/*/; do
    d=${d%/}
    [ -L "$d" ] && continue
    v=$(jdk_major "$d")
    if [ -n "$v" ] && [ "$v" -ge 21 ] && [ "$v" -gt "$best_v" ]; then best="$d"; best_v="$v"; fi
  done
  if [ -z "$best" ]; then
    echo "error: this project needs a JDK 21 or newer. Set JAVA_HOME to one, or install one under /usr/lib/jvm" >&2
    echo "       (e.g. 'apt-get install openjdk-21-jdk-headless' or a Temurin 21+ package)." >&2
    return 1
  fi
  export JAVA_HOME="$best"
  export PATH="$JAVA_HOME/bin:$PATH"
}

select_jdk || exit 1
