package org.bipm.platform.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** One overlay of deploy/k8s, rendered by {@code kubectl kustomize} exactly as ops would apply it. */
record Overlay(String name, List<Manifest> manifests) {

    static final List<String> NAMES = List.of("dev", "prod");

    private static final Map<String, Overlay> RENDERED = new ConcurrentHashMap<>();
    private static final YAMLMapper YAML = new YAMLMapper();

    /** The overlay rendered once per test run. */
    static Overlay named(String name) {
        return RENDERED.computeIfAbsent(name, Overlay::render);
    }

    /** Every rendered document of a kind (e.g. "Deployment", "KafkaTopic"). */
    Stream<Manifest> all(String kind) {
        return manifests.stream().filter(m -> m.kind().equals(kind));
    }

    Optional<Manifest> find(String kind, String name) {
        return all(kind).filter(m -> m.name().equals(name)).findFirst();
    }

    Stream<Manifest> where(Predicate<Manifest> condition) {
        return manifests.stream().filter(condition);
    }

    private static Overlay render(String name) {
        Path dir = k8sDirectory().resolve("overlays").resolve(name);
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("no overlay at " + dir);
        }
        String yaml = kustomize(dir);
        List<Manifest> manifests = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && !document.isNull() && !document.isEmpty()) {
                    manifests.add(new Manifest(manifests.size(), document));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("kubectl kustomize " + dir + " printed YAML that does not parse", e);
        }
        return new Overlay(name, List.copyOf(manifests));
    }

    /** deploy/k8s: from the build (system property k8s.dir) or relative to this module. */
    static Path k8sDirectory() {
        String configured = System.getProperty("k8s.dir");
        Path dir = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath().resolveSibling("k8s");
        return dir.toAbsolutePath().normalize();
    }

    private static String kustomize(Path dir) {
        String kubectl = Optional.ofNullable(System.getenv("KUBECTL")).orElse("kubectl");
        Commands.Result rendered = Commands.run(List.of(kubectl, "kustomize", dir.toString()), null, Duration.ofSeconds(120), """
                The Kubernetes manifests are rendered with `kubectl kustomize`. Install kubectl (it includes
                kustomize; no cluster is needed) or point the KUBECTL environment variable at it.""");
        if (rendered.exitCode() != 0) {
            throw new IllegalStateException("kubectl kustomize " + dir + " failed (exit " + rendered.exitCode()
                    + "):\n" + rendered.stderr());
        }
        return rendered.stdout();
    }

    @Override
    public String toString() {
        return name;
    }
}
