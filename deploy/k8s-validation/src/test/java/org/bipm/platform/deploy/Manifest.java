package org.bipm.platform.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.LinkedHashMap;
import java.util.Map;

/** One document of a rendered overlay: its YAML tree, and its typed model when one knows its kind. */
record Manifest(int index, JsonNode json) {

    String apiVersion() {
        return json.path("apiVersion").asText();
    }

    String kind() {
        return json.path("kind").asText();
    }

    String name() {
        return json.path("metadata").path("name").asText();
    }

    Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        json.path("metadata").path("labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    /** The typed model (fabric8 for Kubernetes kinds, Strimzi's api for Kafka kinds); fails if it does not read. */
    <T extends HasMetadata> T as(Class<T> type) {
        return TypedModels.read(json, type);
    }

    @Override
    public String toString() {
        return "#" + index + " " + kind() + "/" + name();
    }
}
