package org.bipm.platform.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.ArrayList;
import java.util.List;

/**
 * What the CloudNativePG CRD schema ({@link CloudNativePgSchema}) leaves open for a
 * {@code Cluster}: its metadata read strictly as a Kubernetes {@link ObjectMeta} (the CRD takes
 * metadata as is, so unknown fields there would only be refused by the API server), a storage size
 * that is a Kubernetes quantity (the CRD asks only for a string), and the platform's own rules.
 */
final class CloudNativePgClusters {

    static final String API_VERSION = "postgresql.cnpg.io/v1";
    private static final java.util.regex.Pattern IDENTIFIER = java.util.regex.Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private CloudNativePgClusters() {
    }

    static boolean isCluster(Manifest manifest) {
        return manifest.apiVersion().equals(API_VERSION) && manifest.kind().equals("Cluster");
    }

    static List<String> problems(Manifest manifest) {
        List<String> problems = new ArrayList<>();
        try {
            TypedModels.read(manifest.json(), GenericKubernetesResource.class);
        } catch (IllegalArgumentException e) {
            return List.of("does not read as a Kubernetes resource: " + e.getMessage());
        }
        problems.addAll(metadata(manifest.json().path("metadata")));
        JsonNode spec = manifest.json().path("spec");
        JsonNode size = spec.path("storage").path("size");
        if (!size.isTextual() || !isQuantity(size.asText())) {
            problems.add(".spec.storage.size: must be a Kubernetes quantity, is " + size);
        }
        // The services connect as the database's owner, through the Secret CloudNativePG makes.
        JsonNode initdb = spec.path("bootstrap").path("initdb");
        for (String field : List.of("database", "owner")) {
            if (!IDENTIFIER.matcher(initdb.path(field).asText()).matches()) {
                problems.add(".spec.bootstrap.initdb." + field + ": must name a PostgreSQL identifier, is " + initdb.path(field));
            }
        }
        if (!initdb.path("secret").isMissingNode()) {
            problems.add(".spec.bootstrap.initdb.secret: the owner's Secret is left to CloudNativePG (<cluster>-app)");
        }
        // Synchronous standbys must leave an instance to fail over to.
        JsonNode synchronous = spec.path("postgresql").path("synchronous");
        if (!synchronous.isMissingNode() && (synchronous.path("number").asInt() < 1
                || synchronous.path("number").asInt() >= spec.path("instances").asInt())) {
            problems.add(".spec.postgresql.synchronous.number: must be between 1 and instances - 1");
        }
        return problems;
    }

    private static List<String> metadata(JsonNode json) {
        try {
            Object model = TypedModels.read(json, ObjectMeta.class);
            return TypedModels.problems(model, json, null).stream()
                    .map(p -> ".metadata" + (p.startsWith(".:") ? p.substring(1) : p)).toList();
        } catch (IllegalArgumentException e) {
            return List.of(".metadata: does not read as ObjectMeta: " + e.getMessage());
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
