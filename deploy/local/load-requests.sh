#!/usr/bin/env bash
# Sends reference data to the platform through the gateway's HTTP API, as ordinary commands.
# Each line of a .requests file is one request:
#
#   METHOD PATH ROLE[:RMO] JSON-BODY        ('#' starts a comment line; blank lines are skipped)
#
# Every request carries an Idempotency-Key derived from the line itself, so loading the same
# file again changes nothing: the services answer the first result again.
#
# usage: load-requests.sh FILE.requests...   (env: GATEWAY_URL, PLATFORM = path of ./platform)
set -euo pipefail

: "${GATEWAY_URL:=http://127.0.0.1:${GATEWAY_PORT:-8080}}"
: "${PLATFORM:=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/platform}"

# One token per role for the whole load (signing one takes a JVM start); filled in this shell,
# not in a $(...) subshell, so the cache survives.
declare -A tokens
remember_token() { # role[:rmo]
  [ -n "${tokens[$1]:-}" ] && return
  local role=${1%%:*} rmo=${1#*:}
  if [ "$rmo" != "$1" ]; then tokens[$1]=$("$PLATFORM" token "$role" --rmo "$rmo")
  else tokens[$1]=$("$PLATFORM" token "$role"); fi
}

answer=$(mktemp)
trap 'rm -f "$answer"' EXIT
for file in "$@"; do
  sent=0
  while IFS= read -r line || [ -n "$line" ]; do
    [[ -z "${line// }" || "$line" == \#* ]] && continue
    read -r method path role body <<<"$line"
    key="ref-$(printf '%s' "$line" | sha256sum | cut -c1-40)"
    remember_token "$role"
    status=$(curl -s -o "$answer" -w '%{http_code}' --max-time 30 -X "$method" "$GATEWAY_URL$path" \
      -H "Authorization: Bearer ${tokens[$role]}" -H 'Content-Type: application/json' \
      -H "Idempotency-Key: $key" --data "${body:-{\}}")
    case "$status" in
      2??) sent=$((sent + 1)) ;;
      *) echo "reference data: $method $path answered $status:" >&2; cat "$answer" >&2; echo >&2; exit 1 ;;
    esac
  done <"$file"
  echo "reference data: $(basename "$file"): $sent requests applied (or already applied)"
done
