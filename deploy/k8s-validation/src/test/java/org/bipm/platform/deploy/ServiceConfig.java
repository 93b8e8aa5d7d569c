package org.bipm.platform.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;

/**
 * What a service's own configuration (its module's application.properties) says it needs from the
 * platform: its HTTP port, its database, the topics it writes and reads and its consumer groups.
 * The manifests are checked against this, so a topic or port changed in the code and not in
 * deploy/k8s (or the reverse) fails the build.
 */
record ServiceConfig(String module, int httpPort, String database, Set<String> writes, Set<String> reads, Set<String> groups) {

    private static final java.util.regex.Pattern INCOMING = java.util.regex.Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topic");
    private static final java.util.regex.Pattern OUTGOING = java.util.regex.Pattern.compile("mp\\.messaging\\.outgoing\\.([^.]+)\\.topic");
    private static final java.util.regex.Pattern DEAD_LETTER = java.util.regex.Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.dead-letter-queue\\.topic");
    private static final java.util.regex.Pattern EXPRESSION = java.util.regex.Pattern.compile("\\$\\{[^:}]+:([^}]*)}");

    /** The module whose artifact a Deployment runs: the Deployment carries the module's name. */
    static ServiceConfig of(String module) {
        Path file = Overlay.k8sDirectory().getParent().getParent()
                .resolve(module).resolve("src/main/resources/application.properties");
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("Deployment " + module + " has no module configuration at " + file, e);
        }
        Set<String> writes = new TreeSet<>();
        Set<String> reads = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        String defaultGroup = value(properties, "mp.messaging.connector.smallrye-kafka.group.id",
                value(properties, "quarkus.application.name", module));
        for (String key : properties.stringPropertyNames()) {
            Matcher incoming = INCOMING.matcher(key);
            if (incoming.matches()) {
                reads.add(value(properties, key, null));
                groups.add(value(properties, "mp.messaging.incoming." + incoming.group(1) + ".group.id", defaultGroup));
            }
            if (OUTGOING.matcher(key).matches() || DEAD_LETTER.matcher(key).matches()) {
                writes.add(value(properties, key, null));
            }
        }
        String outbox = value(properties, "platform.outbox.topic", null);
        if (outbox != null) {
            writes.add(outbox);
        }
        return new ServiceConfig(module, Integer.parseInt(value(properties, "quarkus.http.port", "8080")),
                value(properties, "platform.database", null), writes, reads, groups);
    }

    /** A property's value, with ${NAME:default} read as its default (what the service runs with unset). */
    private static String value(Properties properties, String key, String fallback) {
        String raw = properties.getProperty(key);
        if (raw == null) {
            return fallback;
        }
        return EXPRESSION.matcher(raw.strip()).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
    }
}
