package org.bipm.platform.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks for CloudNativePG {@code Cluster} documents. No typed model or CRD schema of
 * CloudNativePG resolves in this build, so the document is read as a fabric8
 * {@link GenericKubernetesResource}; the parts that are Kubernetes types (metadata, resources)
 * go through fabric8's typed model, and the fields the platform relies on are checked one by one.
 */
final class CloudNativePgClusters {

    static final String API_VERSION = "postgresql.cnpg.io/v1";
    private static final java.util.regex.Pattern IDENTIFIER = java.util.regex.Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Set<String> SYNCHRONOUS_METHODS = Set.of("any", "first");

    private CloudNativePgClusters() {
    }

    static List<String> problems(Manifest manifest) {
        List<String> problems = new ArrayList<>();
        try {
            TypedModels.read(manifest.json(), GenericKubernetesResource.class);
        } catch (IllegalArgumentException e) {
            return List.of("does not read as a Kubernetes resource: " + e.getMessage());
        }
        problems.addAll(typed(manifest.json().path("metadata"), ObjectMeta.class, ".metadata"));
        JsonNode spec = manifest.json().path("spec");
        if (!spec.path("instances").isInt() || spec.path("instances").asInt() < 1) {
            problems.add(".spec.instances: must be an integer >= 1, is " + spec.path("instances"));
        }
        JsonNode initdb = spec.path("bootstrap").path("initdb");
        for (String field : List.of("database", "owner")) {
            if (!IDENTIFIER.matcher(initdb.path(field).asText()).matches()) {
                problems.add(".spec.bootstrap.initdb." + field + ": must name a PostgreSQL identifier, is " + initdb.path(field));
            }
        }
        if (!initdb.path("secret").isMissingNode()) {
            problems.add(".spec.bootstrap.initdb.secret: the owner's Secret is left to CloudNativePG (<cluster>-app)");
        }
        JsonNode size = spec.path("storage").path("size");
        if (!size.isTextual() || !isQuantity(size.asText())) {
            problems.add(".spec.storage.size: must be a Kubernetes quantity, is " + size);
        }
        if (!spec.path("resources").isMissingNode()) {
            problems.addAll(typed(spec.path("resources"), ResourceRequirements.class, ".spec.resources"));
        }
        spec.path("postgresql").path("parameters").properties().forEach(parameter -> {
            if (!parameter.getValue().isTextual()) {
                problems.add(".spec.postgresql.parameters." + parameter.getKey() + ": values are strings, is " + parameter.getValue());
            }
        });
        JsonNode synchronous = spec.path("postgresql").path("synchronous");
        if (!synchronous.isMissingNode()) {
            if (!SYNCHRONOUS_METHODS.contains(synchronous.path("method").asText())) {
                problems.add(".spec.postgresql.synchronous.method: must be any or first");
            }
            if (!synchronous.path("number").isInt() || synchronous.path("number").asInt() < 1
                    || synchronous.path("number").asInt() >= spec.path("instances").asInt()) {
                problems.add(".spec.postgresql.synchronous.number: must be between 1 and instances - 1");
            }
        }
        for (String annotated : List.of("annotations", "labels")) {
            spec.path("inheritedMetadata").path(annotated).properties().forEach(entry -> {
                if (!entry.getValue().isTextual()) {
                    problems.add(".spec.inheritedMetadata." + annotated + "." + entry.getKey() + ": values are strings");
                }
            });
        }
        return problems;
    }

    private static List<String> typed(JsonNode json, Class<?> type, String path) {
        try {
            Object model = TypedModels.read(json, type);
            return TypedModels.problems(model, json, null).stream().map(p -> path + p).toList();
        } catch (IllegalArgumentException e) {
            return List.of(path + ": does not read as " + type.getSimpleName() + ": " + e.getMessage());
        }
    }

    private static boolean isQuantity(String text) {
        try {
            Quantity.getAmountInBytes(Quantity.parse(text));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
