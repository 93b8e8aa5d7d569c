#!/usr/bin/env bash
# A scratch Kafka broker (127.0.0.1:29092) and a scratch gateway (127.0.0.1:18080, database
# gateway_bench) for the rebuild benchmark, so its million synthetic events never reach the
# platform's topics or read models. All state under .local/bench/; `stop` removes it.
#
#   bench/scratch.sh start|stop
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$ROOT/deploy/local/jdk.sh"
DIR="$ROOT/.local/bench"
KDIR="$DIR/kafka"
LIB="$ROOT/.local/kafka/lib"
PORT=${BENCH_KAFKA_PORT:-29092} CONTROLLER_PORT=${BENCH_KAFKA_CONTROLLER_PORT:-29093}
GW_PORT=${BENCH_GATEWAY_PORT:-18080}
export PGPASSWORD=${DB_PASSWORD:-bipm}
PSQL=(psql -q -h "${DB_HOST:-127.0.0.1}" -p "${DB_PORT:-5432}" -U "${DB_USER:-bipm}" -d postgres -v ON_ERROR_STOP=1)
say() { echo "scratch: $*" >&2; }
tool() { java -Xshare:auto -XX:TieredStopAtLevel=1 -Xmx256m -Dlog4j2.configurationFile="$ROOT/.local/kafka/tools-log4j2.xml" -cp "$LIB/*" "$@"; }
alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

start() {
  [ -d "$LIB" ] || { say "no broker classpath: run ./platform up first"; exit 1; }
  mkdir -p "$KDIR/data"
  if ! alive "$KDIR/broker.pid"; then
    cat >"$KDIR/server.properties" <<CONF
process.roles=broker,controller
node.id=1
listeners=PLAINTEXT://127.0.0.1:$PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
controller.quorum.bootstrap.servers=127.0.0.1:$CONTROLLER_PORT
log.dirs=$KDIR/data
num.partitions=3
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
auto.create.topics.enable=true
group.initial.rebalance.delay.ms=0
CONF
    [ -f "$KDIR/data/meta.properties" ] || tool kafka.tools.StorageTool format --standalone -t "$(tool kafka.tools.StorageTool random-uuid)" -c "$KDIR/server.properties" >/dev/null
    setsid java -Xms256m -Xmx512m -XX:+UseG1GC -Dkafka.logs.dir="$KDIR" -Dlog4j2.configurationFile="$ROOT/.local/kafka/tools-log4j2.xml" \
      -cp "$LIB/*" kafka.Kafka "$KDIR/server.properties" >"$KDIR/console.log" 2>&1 </dev/null &
    echo $! >"$KDIR/broker.pid"
    say "scratch broker starting (pid $!, 127.0.0.1:$PORT)"
    for _ in $(seq 60); do (echo >"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break; sleep 1; done
    local t
    for t in bipm.membership.v1 bipm.liaison.v1 bipm.cbkt.v1 bipm.wmd.v1 bench.idle; do
      tool org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$PORT" --create --if-not-exists \
        --topic "$t" --partitions 3 --replication-factor 1 >/dev/null
    done
  fi
  if ! alive "$DIR/gateway.pid"; then
    "${PSQL[@]}" -c "drop database if exists gateway_bench" -c "create database gateway_bench"
    # The live consumers read an empty topic: only the rebuild reads the four topics.
    env QUARKUS_HTTP_PORT="$GW_PORT" PLATFORM_DATABASE=gateway_bench KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$PORT" \
      JWT_PUBLIC_KEY_LOCATION="$ROOT/.local/jwt/publicKey.pem" \
      MP_MESSAGING_INCOMING_MEMBERSHIP_TOPIC=bench.idle MP_MESSAGING_INCOMING_LIAISON_TOPIC=bench.idle \
      MP_MESSAGING_INCOMING_CBKT_TOPIC=bench.idle MP_MESSAGING_INCOMING_WMD_TOPIC=bench.idle \
      MP_MESSAGING_CONNECTOR_SMALLRYE_KAFKA_GROUP_ID=gateway-bench \
      setsid java -Xmx256m -XX:+UseSerialGC -jar "$ROOT/gateway/target/quarkus-app/quarkus-run.jar" \
      >"$DIR/gateway.log" 2>&1 </dev/null &
    echo $! >"$DIR/gateway.pid"
    say "scratch gateway starting (pid $!, 127.0.0.1:$GW_PORT, database gateway_bench)"
    for _ in $(seq 120); do
      [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$GW_PORT/q/health/ready")" = 200 ] && break
      alive "$DIR/gateway.pid" || { tail -30 "$DIR/gateway.log" >&2; exit 1; }
      sleep 1
    done
  fi
  say "ready"
}

stop() {
  local f
  for f in "$DIR/gateway.pid" "$KDIR/broker.pid"; do
    if alive "$f"; then
      kill -TERM "$(cat "$f")"
      for _ in $(seq 30); do alive "$f" || break; sleep 1; done
      alive "$f" && kill -KILL "$(cat "$f")"
    fi
    rm -f "$f"
  done
  "${PSQL[@]}" -c "drop database if exists gateway_bench" || true
  rm -rf "$KDIR"
  say "stopped and removed"
}

case "${1:-}" in start) start ;; stop) stop ;; *) echo "usage: bench/scratch.sh start|stop" >&2; exit 2 ;; esac
