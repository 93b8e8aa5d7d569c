package org.bipm.platform.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CloudNativePG {@code Cluster}s checked against the CRD schema of the CloudNativePG release ops
 * install, as {@code kubectl apply} would. Neither that CRD nor a typed model of it is published
 * for Java; the npm package {@code @kubernetes-models/cloudnative-pg} is generated from the
 * official CRD YAML and compiles its schema into a validator. {@code cnpg/validate-clusters.mjs}
 * runs it (pinned by {@code cnpg/package-lock.json}) and also reports the fields the CRD does not
 * declare: the schema itself allows them, the API server's strict field validation does not.
 */
final class CloudNativePgSchema {

    /** What validate-clusters.mjs prints: the CRD its schema is generated from, each Cluster's errors. */
    record Report(String crd, List<ClusterErrors> clusters, boolean valid) {

        /** Errors by Cluster name, only the Clusters with errors. */
        Map<String, List<String>> problems() {
            Map<String, List<String>> problems = new LinkedHashMap<>();
            clusters.stream().filter(c -> !c.errors().isEmpty()).forEach(c -> problems.put(c.name(), c.errors()));
            return problems;
        }
    }

    record ClusterErrors(String name, List<String> errors) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final String WHEN_NODE_IS_MISSING = """
            CloudNativePG Clusters are validated by deploy/k8s-validation/cnpg/validate-clusters.mjs, which
            needs Node.js 20 or later with npm on the PATH (Debian/Ubuntu: apt-get install nodejs npm).""";
    private static boolean installed;

    private CloudNativePgSchema() {
    }

    /** Validates the documents that are Clusters (others are ignored). */
    static Report validate(List<Manifest> documents) {
        Path project = install();
        Path input = null;
        try {
            input = Files.createTempFile("cnpg-clusters-", ".json");
            JSON.writeValue(input.toFile(), documents.stream().map(Manifest::json).toList());
            Commands.Result result = Commands.run(List.of("node", "validate-clusters.mjs", input.toString()), project,
                    Duration.ofSeconds(120), WHEN_NODE_IS_MISSING);
            if (result.exitCode() != 0 && result.exitCode() != 1) {
                throw new IllegalStateException("validate-clusters.mjs failed (exit " + result.exitCode() + "):\n" + result.stderr());
            }
            Report report = JSON.readValue(result.stdout(), Report.class);
            if (report.valid() != (result.exitCode() == 0)) {
                throw new IllegalStateException("validate-clusters.mjs exited " + result.exitCode() + " but reported valid=" + report.valid());
            }
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (input != null) {
                input.toFile().delete();
            }
        }
    }

    /** Installs the locked dependencies once per test run ({@code npm ci} starts from a clean node_modules). */
    private static synchronized Path install() {
        Path project = projectDirectory();
        if (!installed) {
            Commands.Result result = Commands.run(List.of("npm", "ci", "--no-audit", "--no-fund"), project,
                    Duration.ofMinutes(5), WHEN_NODE_IS_MISSING);
            if (result.exitCode() != 0) {
                throw new IllegalStateException("npm ci in " + project + " failed (exit " + result.exitCode()
                        + "); it needs the npm registry or a filled npm cache:\n" + result.stderr());
            }
            installed = true;
        }
        return project;
    }

    /** deploy/k8s-validation/cnpg: from the build (system property cnpg.dir) or relative to this module. */
    private static Path projectDirectory() {
        String configured = System.getProperty("cnpg.dir");
        Path dir = (configured != null ? Path.of(configured) : Path.of("cnpg")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(dir.resolve("package-lock.json"))) {
            throw new IllegalStateException("no package-lock.json in " + dir);
        }
        return dir;
    }
}
