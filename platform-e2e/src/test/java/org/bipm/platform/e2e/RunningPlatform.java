package org.bipm.platform.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bipm.platform.testing.PlatformStack;
import org.bipm.platform.testing.Tokens;

/**
 * The five packaged services, each its own JVM as in production, on free ports, against the test
 * broker and fresh {@code *_e2e} databases; the gateway reads the topics under a consumer group of
 * its own so it projects everything from the first event.
 */
final class RunningPlatform implements AutoCloseable {

    private final Map<String, String> databases = new LinkedHashMap<>();

    {
        databases.put("membership-service", "membership");
        databases.put("liaison-service", "liaison");
        databases.put("cbkt-service", "cbkt");
        databases.put("events-service", "wmd");
        databases.put("gateway", "gateway");
    }

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Path logs = Path.of("target", "e2e-logs").toAbsolutePath();

    static RunningPlatform start() {
        PlatformStack.ensureBroker();
        RunningPlatform platform = new RunningPlatform();
        platform.recreateDatabases();
        platform.databases.keySet().forEach(service -> platform.ports.put(service, freePort()));
        platform.databases.keySet().forEach(service -> platform.launch(service, platform.run));
        platform.databases.keySet().forEach(platform::awaitReady);
        return platform;
    }

    /**
     * Starts one more gateway, {@code name}, with a database and a consumer group of its own: it
     * projects every topic from offset 0, as a new replica or a replay would.
     */
    String startFreshGateway(String name) {
        databases.put(name, name.replace('-', '_'));
        recreateDatabase(database(name));
        ports.put(name, freePort());
        launch(name, UUID.randomUUID().toString().substring(0, 8));
        awaitReady(name);
        return url(name);
    }

    /** Waits until the gateway's consumer group has read every record already on the four topics. */
    void awaitGatewayCaughtUp() {
        List<String> topics = List.of("bipm.membership.v1", "bipm.liaison.v1", "bipm.cbkt.v1", "bipm.wmd.v1");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, PlatformStack.bootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
            admin.describeTopics(topics).allTopicNames().get().forEach((topic, description) -> description.partitions()
                    .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, Long> end = new LinkedHashMap<>();
            admin.listOffsets(latest).all().get().forEach((partition, info) -> end.put(partition, info.offset()));
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("gateway-e2e-" + run)
                        .partitionsToOffsetAndMetadata().get();
                return end.entrySet().stream().allMatch(e -> e.getValue() == 0
                        || (committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue()));
            });
        } catch (Exception e) {
            throw new IllegalStateException("cannot tell whether the gateway caught up", e);
        }
    }

    /** The log of a started service (its console output: {@code target/e2e-logs/<service>.log}). */
    String log(String service) {
        try {
            return Files.readString(logs.resolve(service + ".log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String gateway() {
        return url("gateway");
    }

    String url(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    /** Kills a service the hard way, as a crash would. */
    void kill(String service) throws InterruptedException {
        Process process = processes.get(service);
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() {
        processes.values().forEach(Process::destroy);
        processes.values().forEach(process -> {
            try {
                if (!process.waitFor(Duration.ofSeconds(20).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private void launch(String service, String run) {
        String module = service.startsWith("gateway") ? "gateway" : service; // more gateways run the one jar
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("QUARKUS_DATASOURCE_JDBC_MAX_SIZE", "8"); // six JVMs share PostgreSQL's 100 connections with the tests
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(ports.get(service)));
        environment.put("PLATFORM_DATABASE", database(service));
        environment.put("KAFKA_BOOTSTRAP_SERVERS", PlatformStack.bootstrapServers());
        environment.put("JWT_PUBLIC_KEY_LOCATION", Tokens.publicKeyFile().toString());
        // the kernel's per-write and per-record lines, so a request's trace id can be followed through the logs
        environment.put("QUARKUS_LOG_CATEGORY__ORG_BIPM_PLATFORM_KERNEL__LEVEL", "DEBUG");
        environment.put("QUARKUS_LOG_CATEGORY__ORG_BIPM_GATEWAY_ROUTING__LEVEL", "DEBUG");
        if (module.equals("gateway")) {
            environment.put("MEMBERSHIP_URL", url("membership-service"));
            environment.put("LIAISON_URL", url("liaison-service"));
            environment.put("CBKT_URL", url("cbkt-service"));
            environment.put("EVENTS_URL", url("events-service"));
            environment.put("MP_MESSAGING_CONNECTOR_SMALLRYE_KAFKA_GROUP_ID", service + "-e2e-" + run);
        }
        if (service.equals("cbkt-service")) {
            environment.put("MP_MESSAGING_INCOMING_MEMBERSHIP_GROUP_ID", "cbkt-e2e-" + run);
        }
        Path jar = PlatformStack.root().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw verify builds them before this module)");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        try {
            Files.createDirectories(logs);
            ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-jar", jar.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(logs.resolve(service + ".log").toFile());
            builder.environment().putAll(environment);
            processes.put(service, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + service, e);
        }
    }

    private void awaitReady(String service) {
        HttpClient client = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .failFast("exited during start-up, see target/e2e-logs/" + service + ".log", () -> !processes.get(service).isAlive())
                .until(() -> client.send(HttpRequest.newBuilder(URI.create(url(service) + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    private String database(String service) {
        return databases.get(service) + "_e2e";
    }

    private void recreateDatabases() {
        databases.keySet().forEach(service -> recreateDatabase(database(service)));
    }

    private static void recreateDatabase(String database) {
        String host = System.getenv().getOrDefault("DB_HOST", "127.0.0.1");
        String port = System.getenv().getOrDefault("DB_PORT", "5432");
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres",
                System.getenv().getOrDefault("DB_USER", "bipm"), System.getenv().getOrDefault("DB_PASSWORD", "bipm"));
             Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + database + " with (force)");
            statement.execute("create database " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the e2e databases (the role needs CREATEDB, as ./platform sets up)", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
