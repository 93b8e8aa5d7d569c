#!/usr/bin/env bash
# RSA key pair that signs the local JWTs (deploy/local/Token.java) and that the services
# verify against (JWT_PUBLIC_KEY_LOCATION). Lives in .local/jwt, never in git.
#
# usage: jwt.sh ensure
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
. "$ROOT/deploy/local/jdk.sh"

DIR="$ROOT/.local/jwt"
PRIVATE="$DIR/privateKey.pem"
PUBLIC="$DIR/publicKey.pem"

say() { echo "jwt: $*" >&2; }

[ "${1:-}" = ensure ] || { echo "usage: $(basename "$0") ensure" >&2; exit 2; }

if ! command -v openssl >/dev/null; then
  [ "$(id -u)" = 0 ] || { say "openssl is missing: install it (apt-get install openssl)"; exit 1; }
  say "installing openssl"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openssl >/dev/null
fi

mkdir -p "$DIR"
chmod 700 "$DIR"
if [ ! -s "$PRIVATE" ]; then
  say "generating a new RSA 2048 signing key in $DIR"
  # genpkey writes PKCS#8 ("BEGIN PRIVATE KEY"), the form Java's PKCS8EncodedKeySpec reads.
  # Written aside then moved, so an interrupted run never leaves half a key.
  (umask 077 && openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$PRIVATE.tmp" 2>/dev/null)
  mv "$PRIVATE.tmp" "$PRIVATE"
  rm -f "$PUBLIC"
fi
# The public key is derived, so it is recreated whenever it is missing or older than the private one.
if [ ! -s "$PUBLIC" ] || [ "$PRIVATE" -nt "$PUBLIC" ]; then
  openssl pkey -in "$PRIVATE" -pubout -out "$PUBLIC"
fi
say "keys ready: $PRIVATE, $PUBLIC"
