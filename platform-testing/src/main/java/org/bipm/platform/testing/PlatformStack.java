package org.bipm.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Puts a {@code @QuarkusTest} on the real stack: the test Kafka broker (started from the project's
 * scripts when it is not running, so tests also work outside {@code ./platform test}), the test
 * databases, and a signing key made for this test run.
 */
public class PlatformStack implements QuarkusTestResourceLifecycleManager {

    public static final String KAFKA_HOST = "127.0.0.1";
    public static final int KAFKA_PORT = Integer.parseInt(System.getenv().getOrDefault("KAFKA_TEST_PORT", "19092"));

    @Override
    public Map<String, String> start() {
        ensureBroker();
        return Map.of(
                "kafka.bootstrap.servers", bootstrapServers(),
                "mp.jwt.verify.publickey.location", TestKeys.publicKeyFile().toString());
    }

    @Override
    public void stop() {
        // the broker outlives one test class: the test command stops it at the end of the run
    }

    public static String bootstrapServers() {
        return KAFKA_HOST + ":" + KAFKA_PORT;
    }

    public static synchronized void ensureBroker() {
        if (!answers(KAFKA_HOST, KAFKA_PORT)) {
            runScript("deploy/local/kafka.sh", "start", "test");
        }
    }

    /** Stops the test broker (for fault tests); {@link #ensureBroker()} starts it again on the same data. */
    public static synchronized void stopBroker() {
        runScript("deploy/local/kafka.sh", "stop", "test");
    }

    public static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The repository root: where the {@code platform} script lives. */
    public static Path root() {
        String configured = System.getProperty("platform.root");
        if (configured != null && Files.exists(Path.of(configured, "platform"))) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("platform")) && Files.isDirectory(dir.resolve("deploy"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root (the folder holding ./platform)");
    }

    private static void runScript(String script, String... args) {
        Path root = root();
        String[] command = new String[args.length + 2];
        command[0] = "bash";
        command[1] = root.resolve(script).toString();
        System.arraycopy(args, 0, command, 2, args.length);
        try {
            Process process = new ProcessBuilder(command).directory(root.toFile()).inheritIO().start();
            if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + script, e);
        }
    }
}
