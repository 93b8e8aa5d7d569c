"""The fault suite (run by bench/faults): F1-F6 against the running local platform.

Each scenario prints progress, and the suite ends with one table: scenario, commands sent,
accepted, events on topic, rows in read model, lost, duplicated, time to converge, verdict.
Only 127.0.0.1 is addressed; every loop is bounded in count and time. Standard library only.
"""
import concurrent.futures
import json
import os
import random
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid

# The replicas start as ./platform up starts the services.
JAVA_OPTS = os.environ.get("PLATFORM_JAVA_OPTS", "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1").split()
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GATEWAY = "http://127.0.0.1:%s" % os.environ.get("GATEWAY_PORT", "8080")
KAFKA = "127.0.0.1:%s" % os.environ.get("KAFKA_PORT", "9092")
SERVICES = {"membership-service": 8081, "liaison-service": 8082, "cbkt-service": 8083, "events-service": 8084, "gateway": 8080}
DB_ENV = dict(os.environ, PGPASSWORD=os.environ.get("DB_PASSWORD", "bipm"))
RUN = time.strftime("%d%H%M%S", time.gmtime())
ROWS = []


def say(message):
    print("faults: " + message, file=sys.stderr, flush=True)


def sh(*args, timeout=120, check=True):
    result = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    if check and result.returncode != 0:
        raise RuntimeError("%s failed: %s" % (" ".join(args), result.stderr[-2000:]))
    return result.stdout


def psql(database, sql):
    out = subprocess.run(["psql", "-tA", "-F", "\t", "-h", os.environ.get("DB_HOST", "127.0.0.1"), "-p", os.environ.get("DB_PORT", "5432"),
                          "-U", os.environ.get("DB_USER", "bipm"), "-d", database, "-c", sql],
                         capture_output=True, text=True, timeout=60, env=DB_ENV)
    if out.returncode != 0:
        raise RuntimeError("psql %s: %s" % (database, out.stderr))
    return [line.split("\t") for line in out.stdout.splitlines() if line]


TOKENS = {}


def token(role, rmo=None):
    key = (role, rmo)
    if key not in TOKENS:
        args = [os.path.join(ROOT, "platform"), "token", role] + (["--rmo", rmo] if rmo else []) + ["--minutes", "120"]
        TOKENS[key] = sh(*args).strip()
    return TOKENS[key]


def http(method, url, body=None, headers=None, timeout=30):
    """(status, content type, body bytes); status 0 when there was no answer."""
    assert url.startswith("http://127.0.0.1:")
    data = body if isinstance(body, (bytes, type(None))) else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    if data is not None and "Content-Type" not in (headers or {}):
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read()
    except Exception:
        return 0, "", b""


def ready(service):
    return http("GET", "http://127.0.0.1:%d/q/health/ready" % SERVICES[service], timeout=3)[0] == 200


def wait_until(condition, seconds):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if condition():
            return True
        time.sleep(0.5)
    return condition()


# --- write load: new CBKT activities (one stream each) through the gateway -------------------
# CBKT activities rather than membership admissions: a new activity is a new stream, and its
# events are read by the gateway into cbkt_activities and activity.

class Writes:
    """Threads that each create activities PREFIX-n until stopped (bounded by max_seconds)."""

    def __init__(self, prefix, threads=8, max_seconds=300, gateways=(GATEWAY,), publish=False):
        self.prefix, self.threads, self.max_seconds = prefix.lower(), threads, max_seconds
        self.gateways, self.publish = gateways, publish
        self.results = []  # (stream id, status, content type, sent at, answered at)
        self.lock, self.stop_event, self.counter = threading.Lock(), threading.Event(), 0
        self.auth = "Bearer " + token("cbkt-coordinator")

    def _next(self):
        with self.lock:
            self.counter += 1
            return "%s-%d" % (self.prefix, self.counter)

    def _run(self):
        deadline = time.time() + self.max_seconds
        while not self.stop_event.is_set() and time.time() < deadline:
            stream = self._next()
            gateway = self.gateways[int(stream.rsplit("-", 1)[1]) % len(self.gateways)]
            sent = time.time()
            status, ctype, _ = http("POST", gateway + "/api/cbkt/activities",
                                    {"id": stream, "title": "Fault-suite activity " + stream, "type": "WEBINAR", "delivery": "ONLINE",
                                     "schedule": {"startDate": "2099-09-01", "durationDays": 1, "applicationDeadline": "2099-08-01"},
                                     "source": "bench/faults"},
                                    {"Authorization": self.auth, "Idempotency-Key": "faults-" + stream}, timeout=30)
            if self.publish and status == 201:
                # A second event on the stream, through the other gateway: per-stream order across replicas.
                other = self.gateways[(int(stream.rsplit("-", 1)[1]) + 1) % len(self.gateways)]
                status, ctype, _ = http("POST", other + "/api/cbkt/activities/%s/publication" % stream, {},
                                        {"Authorization": self.auth, "Idempotency-Key": "faults-publish-" + stream}, timeout=30)
            with self.lock:
                self.results.append((stream, status, ctype, sent, time.time()))
            if status == 0 or status >= 500:
                time.sleep(0.2)  # the platform said it is not there: back off a little

    def start(self):
        self.workers = [threading.Thread(target=self._run, daemon=True) for _ in range(self.threads)]
        for w in self.workers:
            w.start()
        return self

    def stop(self):
        self.stop_event.set()
        for w in self.workers:
            w.join(40)

    def accepted(self):
        return [r[0] for r in self.results if 200 <= r[1] < 300]

    def statuses(self):
        counts = {}
        for r in self.results:
            counts[r[1]] = counts.get(r[1], 0) + 1
        return counts


def topic_keys(topic, prefix):
    """key -> list of ce_id of the records of the topic whose key starts with prefix."""
    out = subprocess.run(["kcat", "-C", "-b", KAFKA, "-t", topic, "-e", "-q", "-f", "%k\t%h\n"],
                         capture_output=True, text=True, timeout=180)
    keys = {}
    for line in out.stdout.splitlines():
        key, _, headers = line.partition("\t")
        if key.startswith(prefix + "-"):
            ce_id = next((h[6:] for h in headers.split(",") if h.startswith("ce_id=")), None)
            keys.setdefault(key, []).append(ce_id)
    return keys


def verify_writes(scenario, writes, fault_over_at, converge_seconds=180, extra=None):
    """Zero loss, zero duplicates: every accepted admission in the event store, once on the topic, once in the read model."""
    accepted = set(writes.accepted())
    prefix = writes.prefix

    def read_model():
        return {r[0]: int(r[1]) for r in psql("gateway", "select stream_id, count(*) from read_model.activity where service = 'cbkt' "
                                                          "and stream_id like '%s-%%' group by 1" % prefix)}
    store = {r[0]: int(r[1]) for r in psql("cbkt", "select stream_id, count(*) from events where stream_id like '%s-%%' group by 1" % prefix)}
    # Converged when every stored stream is in the read model or, unreadable to the gateway, in the DLQ.
    converged = wait_until(lambda: len(set(read_model()) | set(topic_keys("bipm.cbkt.v1.dlq", prefix))) >= len(store), converge_seconds)
    converge = time.time() - fault_over_at
    rows = read_model()
    topic = topic_keys("bipm.cbkt.v1", prefix)
    # Records a consumer could not read go to the DLQ: counted apart, so a missing row says why.
    dead = topic_keys("bipm.cbkt.v1.dlq", prefix)
    lost = sorted(c for c in accepted if c not in store or c not in topic or c not in rows)
    duplicated_topic = sorted(k for k, ids in topic.items() if len(ids) > len(set(ids)) or len(ids) > store.get(k, 0))
    duplicated_rows = sorted(k for k, n in rows.items() if n > store.get(k, 0))
    unanswered = sorted(set(store) - accepted)  # applied, but the client saw no 2xx (e.g. killed mid-request)
    statuses = writes.statuses()
    failed = sum(n for s, n in statuses.items() if not 200 <= s < 300)
    row = {"scenario": scenario, "sent": len(writes.results), "accepted": len(accepted),
           "eventsOnTopic": sum(len(v) for v in topic.values()), "rowsInReadModel": sum(rows.values()),
           "lost": len(lost), "duplicated": len(duplicated_topic) + len(duplicated_rows),
           "convergeSeconds": round(converge, 1) if converged else None, "statuses": statuses,
           "appliedWithoutAnswer": len(unanswered), "failed": failed,
           "lostBeforeTopic": sum(1 for c in accepted if c not in store or c not in topic),
           "deadLettered": sum(len(v) for v in dead.values()), "missingRowsDeadLettered": sum(1 for c in accepted if c not in rows and c in dead),
           "examples": {"lost": lost[:5], "duplicatedOnTopic": duplicated_topic[:5], "duplicatedRows": duplicated_rows[:5]}}
    row.update(extra or {})
    row["ok"] = row["lost"] == 0 and row["duplicated"] == 0 and converged and row.get("ok", True)
    say("%s: %s" % (scenario, json.dumps({k: v for k, v in row.items() if k != "scenario"})))
    ROWS.append(row)


# --- F1 ------------------------------------------------------------------------------------

def f1():
    say("F1: write load, platform broker stopped for 30 s, restarted")
    writes = Writes("fault%sa" % RUN).start()
    time.sleep(10)
    sh(os.path.join(ROOT, "deploy/local/kafka.sh"), "stop", "platform")
    stopped = time.time()
    time.sleep(30 - (time.time() - stopped))
    sh(os.path.join(ROOT, "deploy/local/kafka.sh"), "start", "platform", timeout=180)
    restarted = time.time()
    say("F1: broker down for %.1f s, back" % (restarted - stopped))
    time.sleep(10)
    writes.stop()
    verify_writes("F1 broker stopped 30 s", writes, restarted,
                  extra={"ok": writes.statuses().keys() <= set(range(200, 300))})  # no failed command


# --- F2 ------------------------------------------------------------------------------------

def f2():
    say("F2: write load, kill -9 of each service and of the gateway in turn, each restarted by ./platform up")
    writes = Writes("fault%sb" % RUN, max_seconds=600).start()
    last = time.time()
    for service in SERVICES:
        time.sleep(5)
        pid = int(open(os.path.join(ROOT, ".local/run/%s.pid" % service)).read().strip())
        os.kill(pid, 9)
        say("F2: killed %s (pid %d); ./platform up" % (service, pid))
        sh(os.path.join(ROOT, "platform"), "up", timeout=300)
        say("F2: %s ready again" % service)
        last = time.time()
    time.sleep(5)
    writes.stop()
    verify_writes("F2 kill -9 each service, gateway", writes, last)


# --- F3 ------------------------------------------------------------------------------------

def f3():
    say("F3: write load, PostgreSQL restarted")
    writes = Writes("fault%sc" % RUN).start()
    time.sleep(8)
    t0 = time.time()
    sh("pg_ctlcluster", "--skip-systemctl-redirect", "15", "main", "restart", timeout=60)
    back = time.time()
    say("F3: PostgreSQL restarted in %.1f s" % (back - t0))
    recovered = wait_until(lambda: all(ready(s) for s in SERVICES), 60)
    time.sleep(8)
    writes.stop()
    errors = [r for r in writes.results if r[1] >= 400]
    not_problem = [r for r in errors if "application/problem+json" not in r[2]]
    five_hundred = [r for r in writes.results if r[1] >= 500 and r[1] != 503]
    # Nothing half-applied: every event of a bench participant is in the outbox-published topic and the read model (checked
    # below), and no stream holds an event without its idempotency record.
    half = psql("cbkt", "select count(*) from events e where e.stream_id like 'fault%sc-%%' and not exists "
                              "(select 1 from idempotency_keys k where k.idempotency_key = 'faults-' || e.stream_id)" % RUN)
    verify_writes("F3 PostgreSQL restart", writes, back, extra={
        "answered503": sum(1 for r in writes.results if r[1] == 503), "answered5xxNot503": len(five_hundred),
        "errorsNotProblemJson": len(not_problem), "recoveredWithoutRestart": recovered,
        "eventsWithoutIdempotencyRecord": int(half[0][0]) if half else None,
        "ok": not five_hundred and not not_problem and recovered})


# --- F4 ------------------------------------------------------------------------------------

REPLICA_PORTS = {"membership-service": 18181, "liaison-service": 18182, "cbkt-service": 18183, "events-service": 18184, "gateway": 18180}


def f4():
    say("F4: a second replica of every service and of the gateway (ports 18180-18184, same databases), load through both gateways")
    run_dir = os.path.join(ROOT, ".local", "bench", "replicas")
    os.makedirs(run_dir, exist_ok=True)
    procs = {}
    started_at = time.time()
    try:
        for service, port in REPLICA_PORTS.items():
            env = dict(os.environ, QUARKUS_HTTP_PORT=str(port), KAFKA_BOOTSTRAP_SERVERS=KAFKA,
                       JWT_PUBLIC_KEY_LOCATION=os.path.join(ROOT, ".local/jwt/publicKey.pem"))
            if service == "gateway":
                env.update(MEMBERSHIP_URL="http://127.0.0.1:18181", LIAISON_URL="http://127.0.0.1:18182",
                           CBKT_URL="http://127.0.0.1:18183", EVENTS_URL="http://127.0.0.1:18184")
            log = open(os.path.join(run_dir, service + ".log"), "w")
            procs[service] = subprocess.Popen(["java", *JAVA_OPTS, "-jar",
                                               os.path.join(ROOT, service, "target/quarkus-app/quarkus-run.jar")],
                                              env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
            say("F4: %s replica starting (pid %d, port %d)" % (service, procs[service].pid, port))
        up = wait_until(lambda: all(http("GET", "http://127.0.0.1:%d/q/health/ready" % p, timeout=3)[0] == 200
                                    for p in REPLICA_PORTS.values()), 180)
        say("F4: replicas ready: %s" % up)
        writes = Writes("fault%sd" % RUN, gateways=(GATEWAY, "http://127.0.0.1:%d" % REPLICA_PORTS["gateway"]), publish=True).start()
        time.sleep(40)
        writes.stop()
        relays = {}
        for service in REPLICA_PORTS:
            if service == "gateway":
                continue
            active = []
            for port in (SERVICES[service], REPLICA_PORTS[service]):
                _, _, body = http("GET", "http://127.0.0.1:%d/q/health/ready" % port, timeout=5)
                try:
                    checks = json.loads(body)["checks"]
                    active.append(next(c["data"].get("activeRelayHere") for c in checks if c["name"] == "outbox"))
                except Exception:
                    active.append(None)
            relays[service] = active
        order = stream_order(started_at)
        one_relay = all(a.count(True) == 1 for a in relays.values())
        say("F4: active relay per database (primary, replica): %s; per-stream order: %s" % (relays, order))
        verify_writes("F4 two replicas of everything", writes, time.time(), extra={
            "activeRelays": relays, "streamOrder": order,
            "ok": one_relay and order["outOfOrder"] == 0 and order["duplicates"] == 0})
    finally:
        for service, proc in procs.items():
            proc.terminate()
        for service, proc in procs.items():
            try:
                proc.wait(40)
            except subprocess.TimeoutExpired:
                proc.kill()


def stream_order(since):
    """Every record on the four topics since a time: versions of each stream strictly increasing, no event id twice."""
    result = {"records": 0, "outOfOrder": 0, "duplicates": 0, "examples": []}
    for topic in ["bipm.membership.v1", "bipm.liaison.v1", "bipm.cbkt.v1", "bipm.wmd.v1"]:
        out = subprocess.run(["kcat", "-C", "-b", KAFKA, "-t", topic, "-e", "-q", "-f", "%T\t%k\t%h\n"],
                             capture_output=True, text=True, timeout=180).stdout
        last, seen = {}, set()
        for line in out.splitlines():
            parts = line.split("\t")
            if len(parts) < 3 or not parts[0].isdigit() or int(parts[0]) < since * 1000:
                continue
            headers = dict(h.split("=", 1) for h in parts[2].split(",") if "=" in h)
            ce_id, version = headers.get("ce_id"), int(headers.get("ce_streamversion", "0") or 0)
            result["records"] += 1
            if ce_id in seen:
                result["duplicates"] += 1
                result["examples"].append("%s %s v%d twice" % (topic, parts[1], version))
                continue
            seen.add(ce_id)
            if version <= last.get(parts[1], 0):
                result["outOfOrder"] += 1
                result["examples"].append("%s %s v%d after v%d" % (topic, parts[1], version, last[parts[1]]))
            last[parts[1]] = max(version, last.get(parts[1], 0))
    result["examples"] = result["examples"][:5]
    return result


# --- F5 ------------------------------------------------------------------------------------

RMO_COUNTRIES = {"AFRIMETS": "ZA", "APMP": "JP", "COOMET": "RU", "EURAMET": "FR", "GULFMET": "SA", "SIM": "BR"}


def f5(rounds=20, applicants=200):
    say("F5: %d x %d concurrent applications to a 30/5/3 activity" % (rounds, applicants))
    coordinator = {"Authorization": "Bearer " + token("cbkt-coordinator")}
    secretariats = {rmo: {"Authorization": "Bearer " + token("rmo-secretariat", rmo)} for rmo in RMO_COUNTRIES}
    sent = accepted_total = rows_total = 0
    failures, converge_max, started = [], 0.0, time.time()
    for n in range(1, rounds + 1):
        activity = "bench-f5-%s-%02d" % (RUN.lower(), n)
        status, _, body = http("POST", GATEWAY + "/api/cbkt/activities", {
            "id": activity, "title": "Fault-suite activity %s" % activity, "type": "FORUM", "delivery": "ONLINE",
            "schedule": {"startDate": "2099-09-01", "durationDays": 3, "applicationDeadline": "2099-08-01"},
            "capacity": {"totalSeats": 30, "seatsPerRmo": 5, "fundedSeatsPerRmo": 3}, "source": "bench/faults"}, coordinator)
        if status != 201:
            failures.append("round %d: create answered %d %s" % (n, status, body[:300]))
            continue
        http("POST", GATEWAY + "/api/cbkt/activities/%s/publication" % activity, {}, coordinator)
        rmos = list(RMO_COUNTRIES)
        barrier = threading.Barrier(applicants)

        def apply(i):
            rmo = rmos[i % len(rmos)]
            # Half through the RMO secretariat (its RMO from the token), half through the coordinator (RMO in the body).
            headers, body = (secretariats[rmo], {}) if i % 2 else (coordinator, {"rmo": rmo})
            body.update({"participant": {"name": "Applicant %d" % i, "email": "f5-%s-%d-%d@bench.invalid" % (RUN, n, i),
                                         "institute": "Benchmark institute", "country": RMO_COUNTRIES[rmo]},
                         "fundingRequested": True})
            barrier.wait(30)
            return rmo, http("POST", GATEWAY + "/api/cbkt/activities/%s/applications" % activity, body, headers, timeout=60)

        with concurrent.futures.ThreadPoolExecutor(applicants) as pool:
            answers = list(pool.map(apply, range(applicants)))
        sent += applicants
        by_rmo = {r: {"accepted": 0, "funded": 0} for r in rmos}
        statuses = {}
        for rmo, (status, ctype, body) in answers:
            statuses[status] = statuses.get(status, 0) + 1
            if status == 201:
                outcome = json.loads(body)
                if outcome["outcome"] != "WAITLISTED":
                    by_rmo[rmo]["accepted"] += 1
                    by_rmo[rmo]["funded"] += 1 if outcome["funded"] else 0
        accepted = sum(v["accepted"] for v in by_rmo.values())
        accepted_total += statuses.get(201, 0)
        problems = []
        if statuses != {201: applicants}:
            problems.append("statuses %s" % statuses)
        if accepted != 30 or any(v["accepted"] != 5 or v["funded"] != 3 for v in by_rmo.values()):
            problems.append("seats %s" % by_rmo)
        _, _, view = http("GET", GATEWAY + "/api/cbkt/activities/%s" % activity)
        # The gateway's read model: converged once it holds the activity's last version; then one row per application.
        t0 = time.time()
        wait_until(lambda: int((psql("gateway", "select max(version) from read_model.stream_versions where service = 'cbkt' "
                                                "and stream_id = '%s'" % activity)[0] or ["0"])[0] or 0) >= 2 + applicants, 60)
        converge_max = max(converge_max, time.time() - t0)
        rows = int(psql("gateway", "select count(*) from read_model.cbkt_applications where activity_id = '%s'" % activity)[0][0])
        rows_total += rows
        if rows != applicants:
            problems.append("read model rows %d" % rows)
        say("F5 round %d: %s, accepted %d, by RMO %s%s" % (n, statuses, accepted,
                                                         {r: "%d/%d" % (v["accepted"], v["funded"]) for r, v in by_rmo.items()},
                                                         "; PROBLEMS " + "; ".join(problems) if problems else ""))
        if problems:
            failures.append("round %d: %s (activity %s, counts %s)" % (n, "; ".join(problems), activity, view[:400]))
    events = sum(len(v) for v in topic_keys("bipm.cbkt.v1", "bench-f5-%s" % RUN.lower()).values())
    ROWS.append({"scenario": "F5 200 x 30/5/3, %d rounds" % rounds, "sent": sent, "accepted": accepted_total,
                 # lost / duplicated: accepted applications against their events on the topic (2 per round are the
                 # activity's creation and publication); a read model short of rows fails the round (see failures).
                 "eventsOnTopic": events, "rowsInReadModel": rows_total, "lost": max(0, accepted_total + 2 * rounds - events),
                 "duplicated": max(0, events - accepted_total - 2 * rounds), "convergeSeconds": round(converge_max, 1),
                 "failures": failures, "ok": not failures})
    say("F5: %s" % ("every invariant held in every round" if not failures else "FAILED: " + " | ".join(failures)))


# --- F6 ------------------------------------------------------------------------------------

ROLE_OF = {"/api/membership": "membership-officer", "/api/liaison": "liaison-officer", "/api/cbkt": "cbkt-coordinator",
           "/api/wmd": "communications-officer", "/api/admin": "platform-admin"}
# Path parameters point at bench-only streams, so a command the platform wrongly accepted could not touch real data.
PATH_VALUES = {"code": "BENCHFSIX", "year": "1901", "id": "bench-f6", "activityId": "bench-f6", "liaisonId": "BENCH-F6-X",
               "celebrationId": "999999", "applicationId": str(uuid.UUID(int=6)), "personRef": str(uuid.UUID(int=6))}
HUGE = "x" * (2 * 1024 * 1024)


def operations():
    ops = []
    for service, port in SERVICES.items():
        status, _, body = http("GET", "http://127.0.0.1:%d/q/openapi?format=json" % port)
        if status != 200:
            raise RuntimeError("no OpenAPI document from %s" % service)
        doc = json.loads(body)
        schemas = doc.get("components", {}).get("schemas", {})
        for path, item in doc["paths"].items():
            if "{rest}" in path or path == "/":
                continue  # the gateway's forwarding route: the services' own documents cover those paths
            for method, op in item.items():
                if method not in ("get", "post", "put", "delete", "patch"):
                    continue
                body_schema = None
                content = op.get("requestBody", {}).get("content", {})
                if "application/json" in content:
                    body_schema = resolve(content["application/json"].get("schema", {}), schemas)
                ops.append({"service": service, "method": method.upper(), "path": path, "params": op.get("parameters", []),
                            "body": body_schema, "schemas": schemas})
    return ops


def resolve(schema, schemas, depth=0):
    if depth > 6 or not isinstance(schema, dict):
        return {}
    if "$ref" in schema:
        return resolve(schemas.get(schema["$ref"].split("/")[-1], {}), schemas, depth + 1)
    if "allOf" in schema:
        merged = {}
        for part in schema["allOf"]:
            merged.update(resolve(part, schemas, depth + 1))
        return merged
    return schema


def example(schema, schemas, depth=0):
    """A plausible value of a schema (the base that one mutation then breaks)."""
    schema = resolve(schema, schemas)
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        if depth > 3:
            return {}
        return {k: example(v, schemas, depth + 1) for k, v in schema.get("properties", {}).items()}
    if kind == "array":
        return [example(schema.get("items", {}), schemas, depth + 1)] if depth < 3 else []
    if kind == "integer":
        return 1
    if kind == "number":
        return 1.5
    if kind == "boolean":
        return True
    fmt = schema.get("format")
    return {"date": "2099-01-01", "date-time": "2099-01-01T00:00:00Z", "email": "f6@bench.invalid", "uuid": str(uuid.UUID(int=6))}.get(fmt, "BENCH-F6")


def fields(schema, schemas):
    schema = resolve(schema, schemas)
    return [(k, resolve(v, schemas)) for k, v in schema.get("properties", {}).items()]


def mutate(op, rng):
    """One invalid request for the operation: (label, method, path, headers, body bytes)."""
    path = op["path"]
    for name, value in PATH_VALUES.items():
        path = path.replace("{%s}" % name, value)
    path = path.replace("{service}", "membership")
    prefix = "/".join(op["path"].split("/")[:3])
    role = ROLE_OF.get(prefix)
    headers = {"Authorization": "Bearer " + token(role)} if role else {}
    base = example(op["body"], op["schemas"]) if op["body"] else None
    kinds = ["no-token", "garbage-token", "expired-or-foreign-token", "wrong-role", "bad-query", "bad-path"]
    if op["body"] is not None:
        kinds += ["malformed-json", "not-an-object", "empty-object", "wrong-type", "null-field", "bad-date", "unknown-enum",
                  "huge-body", "huge-field", "wrong-content-type"]
    if op["path"] == "/api/admin/rebuild" and op["method"] == "POST":
        kinds = ["no-token", "garbage-token", "expired-or-foreign-token", "wrong-role"]  # a valid one would start a rebuild
    kind = rng.choice(kinds)
    if op["path"] == "/api/activity/stream":
        kind = "bad-query"  # anything else is a valid subscription that streams until closed
    elif kind == "bad-query" and op["method"] != "GET":
        kind = "empty-object"  # a bad query parameter alone would leave a write valid
    body = None if base is None else json.dumps(base).encode()
    if kind == "no-token":
        headers = {}
        if op["method"] == "GET":
            kind = "bad-query"  # reads are anonymous: break something else too
    elif kind == "garbage-token":
        headers = {"Authorization": "Bearer " + rng.choice(["abc", "a.b.c", "eyJhbGciOiJub25lIn0.e30.", "x" * 5000, ""])}
    elif kind == "expired-or-foreign-token":
        headers = {"Authorization": rng.choice(["Bearer " + FOREIGN_TOKEN, "Basic Ym9iOnNlY3JldA==", "Bearer"])}
    elif kind == "wrong-role":
        headers = {"Authorization": "Bearer " + (token("rmo-secretariat", "SIM") if role != "cbkt-coordinator" else token("communications-officer"))}
    if kind == "bad-path":
        seg = urllib.request.quote(rng.choice([" ", "../..", "\u00e9t\u00e9", "x" * 300, "-1", "1e99", "null", "lower-case", "%00"]), safe="")
        names = [n for n in PATH_VALUES if "{%s}" % n in op["path"]]
        if names:
            target = rng.choice(names)
            path = op["path"].replace("{%s}" % target, seg)
            for name, value in PATH_VALUES.items():
                path = path.replace("{%s}" % name, value)
            path = path.replace("{service}", "membership")
        else:
            path = path + rng.choice(["/unknown", "/%00", "/..;/x"])
    query = ""
    if kind == "bad-query" or (rng.random() < 0.15 and op["path"] != "/api/activity/stream"):
        names = [p["name"] for p in op["params"] if p.get("in") == "query"] or ["asOf", "page", "size"]
        name = rng.choice(names)
        query = "?%s=%s" % (name, rng.choice(["2023-13-45", "yesterday", "-1", "99999999999999999999", "NOT_A_VALUE", "%ZZ", "x" * 3000, ""]))
    if kind == "malformed-json":
        body = rng.choice([b"{", b"{\"a\":", b"nul", b"{'single': 'quotes'}", b"\xff\xfe\x00", b"{\"a\":1}}"])
    elif kind == "not-an-object":
        body = rng.choice([b"[]", b"\"text\"", b"42", b"null", b"true"])
    elif kind == "empty-object":
        body = b"{}"
    elif kind in ("wrong-type", "null-field", "bad-date", "unknown-enum", "huge-field"):
        value = dict(base) if isinstance(base, dict) else {}
        props = fields(op["body"], op["schemas"])
        candidates = {
            "wrong-type": props,
            "null-field": props,
            "bad-date": [p for p in props if p[1].get("format") == "date"] or props,
            "unknown-enum": [p for p in props if "enum" in p[1]] or props,
            "huge-field": [p for p in props if p[1].get("type") == "string"] or props,
        }[kind]
        if candidates:
            name, schema = rng.choice(candidates)
            value[name] = {
                "wrong-type": lambda: {"string": 12345, "integer": "twelve", "number": "1,5", "boolean": "maybe", "array": {"a": 1},
                                       "object": [1, 2]}.get(schema.get("type"), [[[]]]),
                "null-field": lambda: None,
                "bad-date": lambda: rng.choice(["2023-02-30", "31/12/2023", "2023-1-1", "20231231", "-0001-01-01", "2023-12-31T25:00"]),
                "unknown-enum": lambda: rng.choice(["NOT_A_VALUE", "", "lowercase", "MEMBER_STATE ", 7]),
                "huge-field": lambda: HUGE,
            }[kind]()
        else:
            value["unexpected"] = HUGE[:10]
        body = json.dumps(value).encode()
    elif kind == "huge-body":
        body = json.dumps({"padding": HUGE, "more": [HUGE[:100000]] * 20}).encode()
    elif kind == "wrong-content-type":
        headers = dict(headers, **{"Content-Type": rng.choice(["text/plain", "application/xml", "multipart/form-data"])})
    if op["method"] in ("POST", "PUT", "PATCH") and body is None:
        body = b"{}" if kind not in ("malformed-json",) else body
    path = re.sub(r"\{[^}/]+\}", "bench-f6", path)  # any parameter not named above
    return kind, op["method"], path + query, headers, body


FOREIGN_TOKEN = ("eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJodHRwczovL2V4YW1wbGUuaW52YWxpZCIsInN1YiI6ImJvYiIsImdyb3VwcyI6WyJwbGF0Zm9y"
                 "bS1hZG1pbiJdLCJleHAiOjEwMDAwMDAwMDB9.c2lnbmF0dXJl")


def f6(count=10000, seed=6):
    ops = operations()
    rng = random.Random(seed)
    say("F6: %d invalid requests over %d operations of %d OpenAPI documents (seed %d)" % (count, len(ops), len(SERVICES), seed))
    requests = [mutate(rng.choice(ops), rng) for _ in range(count)]
    results = []

    def send(req):
        kind, method, path, headers, body = req
        timeout = 5 if "/stream" in path else 30
        status, ctype, _ = http(method, GATEWAY + path, body, headers, timeout=timeout)
        return kind, method, path, status, ctype

    started = time.time()
    with concurrent.futures.ThreadPoolExecutor(16) as pool:
        for i, r in enumerate(pool.map(send, requests), 1):
            results.append(r)
            if i % 2000 == 0:
                say("F6: %d/%d sent" % (i, count))
    five = [r for r in results if r[3] >= 500]
    no_answer = [r for r in results if r[3] == 0 and "/stream" not in r[2]]
    not_problem = [r for r in results if r[3] >= 400 and "application/problem+json" not in r[4]]
    # Reads are anonymous, so a GET with a bad token may rightly answer 200; a write must not.
    accepted = [r for r in results if 200 <= r[3] < 300 and r[1] != "GET"]
    by_status = {}
    for r in results:
        by_status[r[3]] = by_status.get(r[3], 0) + 1
    say("F6 HTTP: %d requests in %.0f s, statuses %s, 5xx %d, no answer %d, errors not problem+json %d, 2xx %d" % (
        len(results), time.time() - started, dict(sorted(by_status.items())), len(five), len(no_answer), len(not_problem), len(accepted)))
    for label, rows in (("5xx", five), ("not problem+json", not_problem), ("no answer", no_answer), ("2xx", accepted)):
        for r in rows[:8]:
            say("F6   %s: %s %s %s -> %d %s" % (label, r[0], r[1], r[2][:160], r[3], r[4]))
    poison = poison_records()
    ROWS.append({"scenario": "F6 %d invalid requests + poison on 4 topics" % count, "sent": len(results), "accepted": len(accepted),
                 "eventsOnTopic": poison["dlqRecords"], "rowsInReadModel": None, "lost": 0, "duplicated": 0,
                 "convergeSeconds": poison["convergeSeconds"], "statuses": by_status, "fiveHundreds": len(five),
                 "noAnswer": len(no_answer), "notProblemJson": len(not_problem), "poison": poison,
                 "ok": not five and not not_problem and not no_answer and poison["ok"]})


def poison_records():
    """A record that is no event on every topic: it reaches the topic's DLQ and the consumers go on."""
    topics = ["bipm.membership.v1", "bipm.liaison.v1", "bipm.cbkt.v1", "bipm.wmd.v1"]
    key = "BENCH-POISON-%s" % RUN
    for topic in topics:
        subprocess.run(["kcat", "-P", "-b", KAFKA, "-t", topic, "-k", key], input=b"this is not an event {", timeout=30, check=True)
    t0 = time.time()

    def in_dlqs():
        return {t: sum(1 for line in subprocess.run(["kcat", "-C", "-b", KAFKA, "-t", t + ".dlq", "-e", "-q", "-f", "%k\n"],
                                                      capture_output=True, text=True, timeout=60).stdout.splitlines() if line == key)
                for t in topics}
    wait_until(lambda: all(in_dlqs().values()), 60)
    dlq = in_dlqs()
    # The consumers continue: an event written after the poison is projected by the gateway.
    activity = "faults-poison-%s" % RUN
    status, _, _ = http("POST", GATEWAY + "/api/cbkt/activities",
                        {"id": activity, "title": "Fault-suite activity " + activity, "type": "WEBINAR", "delivery": "ONLINE",
                         "schedule": {"startDate": "2099-09-01", "durationDays": 1, "applicationDeadline": "2099-08-01"}},
                        {"Authorization": "Bearer " + token("cbkt-coordinator"), "Idempotency-Key": "faults-" + activity})
    after = wait_until(lambda: psql("gateway", "select count(*) from read_model.cbkt_activities where activity_id = '%s'" % activity)[0][0] == "1", 30)
    lag = group_lag()
    result = {"dlq": dlq, "dlqRecords": sum(dlq.values()), "eventAfterPoisonProjected": status in (200, 201) and after,
              "gatewayGroupLag": lag, "convergeSeconds": round(time.time() - t0, 1)}
    result["ok"] = all(dlq.values()) and result["eventAfterPoisonProjected"]
    say("F6 poison: %s" % json.dumps(result))
    return result


def group_lag():
    out = subprocess.run(["java", "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-Xmx128m",
                          "-Dlog4j2.configurationFile=" + os.path.join(ROOT, ".local/kafka/tools-log4j2.xml"),
                          "-cp", os.path.join(ROOT, ".local/kafka/lib/*"), "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand",
                          "--bootstrap-server", KAFKA, "--describe", "--group", "gateway"], capture_output=True, text=True, timeout=60)
    lag = {}
    for line in out.stdout.splitlines():
        parts = line.split()
        if len(parts) > 5 and parts[1].startswith("bipm."):
            lag[parts[1]] = lag.get(parts[1], 0) + (int(parts[5]) if parts[5].isdigit() else 0)
    return lag


# --- main ----------------------------------------------------------------------------------

SCENARIOS = {"F6": f6, "F5": f5, "F2": f2, "F1": f1, "F4": f4, "F3": f3}


def table():
    lines = ["| scenario | commands sent | accepted | events on topic | rows in read model | lost | duplicated | time to converge | result |",
             "|---|---|---|---|---|---|---|---|---|"]
    for r in ROWS:
        def n(v):
            return "—" if v is None else str(v)
        lines.append("| %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            r["scenario"], r["sent"], r["accepted"], n(r["eventsOnTopic"]), n(r["rowsInReadModel"]), r["lost"], r["duplicated"],
            "—" if r["convergeSeconds"] is None else "%s s" % r["convergeSeconds"], "pass" if r["ok"] else "FAIL"))
    return "\n".join(lines)


def main():
    chosen = sys.argv[1:] or ["F6", "F5", "F2", "F1", "F4"]
    for name in chosen:
        if name not in SCENARIOS:
            raise SystemExit("unknown scenario %s (known: %s)" % (name, " ".join(SCENARIOS)))
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    for name in chosen:
        try:
            SCENARIOS[name]()
        except Exception as e:  # report and go on with the next scenario
            say("%s could not run: %r" % (name, e))
            ROWS.append({"scenario": name + " (did not complete: %s)" % e, "sent": 0, "accepted": 0, "eventsOnTopic": None,
                         "rowsInReadModel": None, "lost": 0, "duplicated": 0, "convergeSeconds": None, "ok": False})
    results = os.path.join(ROOT, "bench", "results")
    os.makedirs(results, exist_ok=True)
    with open(os.path.join(results, "faults-%s.json" % stamp), "w") as f:
        json.dump({"startedAt": stamp, "scenarios": ROWS}, f, indent=1, default=str)
    with open(os.path.join(results, "faults-%s.md" % stamp), "w") as f:
        f.write(table() + "\n")
    print(table())
    say("results: bench/results/faults-%s.json, .md" % stamp)
    return 0 if all(r["ok"] for r in ROWS) else 1


if __name__ == "__main__":
    sys.exit(main())
