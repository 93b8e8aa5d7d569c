import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The load generator of bench/run (run as a source file: java bench/Load.java MODE ...).
 *
 *   write   GATEWAY CLIENTS SECONDS PREFIX [RATE]   associate admissions on distinct participants PREFIX-n;
 *                                                   with RATE (commands/s in total), each accepted write's
 *                                                   freshness: until the gateway's live feed announces its
 *                                                   event (sent once the read model has committed it), then
 *                                                   confirmed by one GET /api/countries/{code}
 *   produce BOOTSTRAP COUNT PREFIX                  COUNT AssociateAdmitted events on bipm.membership.v1 of
 *                                                   BOOTSTRAP (a scratch broker), one stream each
 *
 * Only 127.0.0.1 is addressed; every loop is bounded in time or count. One JSON object on stdout,
 * progress on stderr.
 */
public class Load {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "write" -> write(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), args[4],
                    args.length > 5 ? Double.parseDouble(args[5]) : 0);
            case "produce" -> produce(args[1], Long.parseLong(args[2]), args[3]);
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    static void local(String url) {
        if (!url.startsWith("http://127.0.0.1:") && !url.startsWith("127.0.0.1:")) {
            throw new IllegalArgumentException("only 127.0.0.1 is addressed: " + url);
        }
    }

    static void write(String gateway, int clients, int seconds, String prefix, double rate) throws Exception {
        local(gateway);
        String token = System.getenv("TOKEN");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        AtomicLong sent = new AtomicLong(), accepted = new AtomicLong(), failed = new AtomicLong(), next = new AtomicLong();
        Map<Integer, AtomicLong> statuses = new java.util.concurrent.ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Long> writeMicros = new ConcurrentLinkedQueue<>(), freshMicros = new ConcurrentLinkedQueue<>();
        AtomicLong notVisible = new AtomicLong();
        long start = System.nanoTime(), end = start + seconds * 1_000_000_000L;
        // With a rate, each client sends at rate/clients per second on its own schedule.
        long periodNanos = rate > 0 ? (long) (clients * 1e9 / rate) : 0;
        var polls = Executors.newVirtualThreadPerTaskExecutor();
        Map<String, java.util.concurrent.CompletableFuture<Long>> announced = new java.util.concurrent.ConcurrentHashMap<>();
        if (periodNanos > 0) {
            listen(http, gateway, announced);
        }
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                final int client = c;
                pool.submit(() -> {
                    long due = start + (periodNanos > 0 ? periodNanos * client / clients : 0);
                    while (System.nanoTime() < end) {
                        if (periodNanos > 0) {
                            long wait = due - System.nanoTime();
                            if (wait > 0) LockSupport.parkNanos(wait);
                            due += periodNanos;
                            if (System.nanoTime() >= end) break;
                        }
                        String code = prefix + "-" + next.incrementAndGet();
                        String body = "{\"name\":\"Benchmark participant " + code + "\",\"category\":\"ASSOCIATE_ECONOMY\","
                                + "\"effectiveDate\":\"2000-01-01\",\"source\":\"bench/run (benchmark data)\"}";
                        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/api/membership/participants/" + code + "/associate-admission"))
                                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                                .header("Authorization", "Bearer " + token).header("Idempotency-Key", "bench-" + code)
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                        sent.incrementAndGet();
                        long t0 = System.nanoTime();
                        int status;
                        try {
                            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        } catch (Exception e) {
                            status = 0;
                        }
                        long t1 = System.nanoTime();
                        statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                        if (status / 100 != 2) { failed.incrementAndGet(); continue; }
                        accepted.incrementAndGet();
                        writeMicros.add((t1 - t0) / 1000);
                        if (periodNanos > 0) {
                            // Polled beside the sender, so the sending schedule holds.
                            polls.submit(() -> {
                                Long fresh = visible(http, gateway, code, t1, announced);
                                if (fresh == null) notVisible.incrementAndGet(); else freshMicros.add(fresh);
                            });
                        }
                    }
                    return null;
                });
            }
            long lastReport = 0;
            while (System.nanoTime() < end + 15_000_000_000L && !pool.isTerminated()) {
                Thread.sleep(1000);
                long elapsed = (System.nanoTime() - start) / 1_000_000_000L;
                if (elapsed - lastReport >= 5) {
                    lastReport = elapsed;
                    System.err.printf("  %3ds  sent %d  accepted %d  failed %d%n", elapsed, sent.get(), accepted.get(), failed.get());
                }
                if (System.nanoTime() > end) { pool.shutdown(); }
            }
            pool.shutdownNow();
        }
        polls.shutdown();
        polls.awaitTermination(20, java.util.concurrent.TimeUnit.SECONDS);
        double elapsed = Math.min(seconds, (System.nanoTime() - start) / 1e9);
        StringBuilder out = new StringBuilder("{");
        out.append("\"clients\":").append(clients).append(",\"seconds\":").append(seconds)
                .append(",\"targetRate\":").append(rate)
                .append(",\"sent\":").append(sent.get()).append(",\"accepted\":").append(accepted.get())
                .append(",\"failed\":").append(failed.get())
                .append(",\"acceptedPerSecond\":").append(String.format("%.1f", accepted.get() / elapsed))
                .append(",\"statuses\":{");
        out.append(String.join(",", statuses.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue()).toList()));
        out.append("},\"writeLatencyMs\":").append(percentiles(writeMicros));
        if (periodNanos > 0) {
            out.append(",\"freshnessMs\":").append(percentiles(freshMicros)).append(",\"notVisibleIn10s\":").append(notVisible.get());
        }
        out.append(",\"prefix\":\"").append(prefix).append("\"}");
        System.out.println(out);
    }

    /** Follows the gateway's live feed of membership events: when each stream's first event was announced. */
    static void listen(HttpClient http, String gateway, Map<String, java.util.concurrent.CompletableFuture<Long>> announced) throws Exception {
        HttpRequest feed = HttpRequest.newBuilder(URI.create(gateway + "/api/activity/stream?service=membership")).build();
        HttpResponse<java.util.stream.Stream<String>> response = http.send(feed, HttpResponse.BodyHandlers.ofLines());
        var streamId = java.util.regex.Pattern.compile("\"streamId\":\"([^\"]+)\"");
        Thread.ofVirtual().start(() -> response.body().forEach(line -> {
            var found = streamId.matcher(line);
            if (line.startsWith("data:") && found.find()) {
                long at = System.nanoTime();
                announced.computeIfAbsent(found.group(1), k -> new java.util.concurrent.CompletableFuture<>()).complete(at);
            }
        }));
    }

    /**
     * Microseconds from the write's answer until its event is in the gateway's read model: the live
     * feed's announcement (sent once the projection has committed), confirmed by one read of the
     * profile. The live feed is best effort, so the profile is also read every 20 ms meanwhile: a
     * missed announcement costs at most that much precision. Null after 10 s.
     */
    static Long visible(HttpClient http, String gateway, String code, long answeredAt,
                        Map<String, java.util.concurrent.CompletableFuture<Long>> announced) {
        var announcement = announced.computeIfAbsent(code, k -> new java.util.concurrent.CompletableFuture<>());
        HttpRequest read = HttpRequest.newBuilder(URI.create(gateway + "/api/countries/" + code)).timeout(Duration.ofSeconds(5)).build();
        long giveUp = answeredAt + 10_000_000_000L;
        boolean disagreed = false;
        while (System.nanoTime() < giveUp) {
            try {
                Long at = announcement.get(20, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (http.send(read, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    // announced and readable; if the first read after the announcement failed, it counts from now
                    return Math.max(0, (disagreed ? System.nanoTime() : at) - answeredAt) / 1000;
                }
                disagreed = true;
                LockSupport.parkNanos(1_000_000);
            } catch (java.util.concurrent.TimeoutException notYet) {
                try {
                    if (http.send(read, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return (System.nanoTime() - answeredAt) / 1000;
                    }
                } catch (Exception ignored) {
                    // counted as not yet visible
                }
            } catch (Exception ignored) {
                // counted as not yet visible
            }
        }
        return null;
    }

    static String percentiles(ConcurrentLinkedQueue<Long> micros) {
        long[] values = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        if (values.length == 0) return "null";
        return String.format("{\"n\":%d,\"p50\":%.1f,\"p99\":%.1f,\"max\":%.1f}", values.length,
                values[values.length / 2] / 1000.0, values[Math.min(values.length - 1, (int) Math.ceil(values.length * 0.99) - 1)] / 1000.0,
                values[values.length - 1] / 1000.0);
    }

    /** Synthetic AssociateAdmitted events, as the membership outbox relay publishes them (CloudEvents headers). */
    static void produce(String bootstrap, long count, String prefix) throws Exception {
        local(bootstrap);
        var props = new java.util.Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        props.put("value.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
        props.put("acks", "1");
        props.put("linger.ms", "20");
        props.put("batch.size", "262144");
        props.put("compression.type", "snappy");
        String topic = "bipm.membership.v1";
        long t0 = System.nanoTime();
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, byte[]>(props)) {
            String now = Instant.now().toString();
            for (long i = 1; i <= count; i++) {
                String stream = prefix + "-" + i, id = UUID.randomUUID().toString();
                String value = "{\"eventId\":\"" + id + "\",\"streamId\":\"" + stream + "\",\"version\":1,\"type\":\"AssociateAdmitted\","
                        + "\"schemaVersion\":1,\"effectiveDate\":\"2000-01-01\",\"recordedAt\":\"" + now + "\",\"data\":{\"code\":\"" + stream
                        + "\",\"name\":\"Benchmark participant " + stream + "\",\"category\":\"ASSOCIATE_ECONOMY\",\"composition\":[],"
                        + "\"effectiveDate\":\"2000-01-01\",\"datePrecision\":\"DAY\",\"source\":\"bench\"},"
                        + "\"metadata\":{\"actor\":\"bench\",\"correlationId\":null,\"causationId\":null},\"position\":" + i + "}";
                var record = new org.apache.kafka.clients.producer.ProducerRecord<String, byte[]>(topic, null, stream, value.getBytes());
                String[][] headers = {{"ce_specversion", "1.0"}, {"ce_id", id}, {"ce_source", "/bench"},
                        {"ce_type", "bipm.membership.AssociateAdmitted"}, {"ce_subject", stream}, {"ce_time", now},
                        {"content-type", "application/json"}, {"ce_streamversion", "1"}, {"ce_schemaversion", "1"},
                        {"ce_effectivedate", "2000-01-01"}};
                for (String[] h : headers) record.headers().add(h[0], h[1].getBytes());
                producer.send(record);
                if (i % 200_000 == 0) System.err.printf("  produced %d / %d%n", i, count);
            }
            producer.flush();
        }
        System.out.printf("{\"produced\":%d,\"seconds\":%.1f}%n", count, (System.nanoTime() - t0) / 1e9);
    }
}
