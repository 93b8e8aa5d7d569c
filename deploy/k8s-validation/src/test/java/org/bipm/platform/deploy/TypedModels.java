package org.bipm.platform.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.crdgenerator.annotations.Maximum;
import io.strimzi.crdgenerator.annotations.Minimum;
import io.strimzi.crdgenerator.annotations.MinimumItems;
import io.strimzi.crdgenerator.annotations.Pattern;
import io.strimzi.crdgenerator.annotations.PresentInVersions;
import io.strimzi.crdgenerator.annotations.RequiredInVersions;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads rendered documents into the typed models of the Kubernetes API (fabric8) and of Strimzi
 * (io.strimzi:api), and reports whatever those models do not accept: an unknown kind, a value of
 * the wrong type, a field the model does not have (the models keep those aside instead of
 * failing, so every object of the tree is inspected), a quantity that does not parse, and for
 * Strimzi the rules its CRD schemas are generated from (fields present and required in the
 * resource's API version, minimum, maximum, pattern, minimum items, deprecation).
 */
final class TypedModels {

    private static final String STRIMZI_VERSION = "v1";
    private static final Map<String, Class<? extends HasMetadata>> STRIMZI_KINDS = Map.of(
            "Kafka", Kafka.class,
            "KafkaNodePool", KafkaNodePool.class,
            "KafkaTopic", KafkaTopic.class,
            "KafkaUser", KafkaUser.class);
    private static final List<String> STRIMZI_VERSION_ORDER = List.of("v1alpha1", "v1beta1", "v1beta2", "v1");

    private static final KubernetesSerialization KUBERNETES = new KubernetesSerialization();
    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private TypedModels() {
    }

    /** The typed model class for an apiVersion and kind, if fabric8 or Strimzi's api has one. */
    static Optional<Class<? extends KubernetesResource>> classFor(String apiVersion, String kind) {
        if (apiVersion.startsWith("kafka.strimzi.io/")) {
            return apiVersion.equals("kafka.strimzi.io/" + STRIMZI_VERSION)
                    ? Optional.ofNullable(STRIMZI_KINDS.get(kind))
                    : Optional.empty();
        }
        return Optional.ofNullable(KUBERNETES.getRegisteredKubernetesResource(apiVersion, kind));
    }

    static <T> T read(JsonNode json, Class<T> type) {
        try {
            return STRICT.treeToValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage() + " at " + e.getLocation(), e);
        }
    }

    /** Everything the typed model of this document does not accept; empty when it reads cleanly. */
    static List<String> problems(Manifest manifest) {
        Optional<Class<? extends KubernetesResource>> type = classFor(manifest.apiVersion(), manifest.kind());
        if (type.isEmpty()) {
            return List.of("no typed model knows " + manifest.apiVersion() + " " + manifest.kind());
        }
        Object model;
        try {
            model = read(manifest.json(), type.get());
        } catch (IllegalArgumentException e) {
            return List.of("does not read as " + type.get().getSimpleName() + ": " + e.getMessage());
        }
        boolean strimzi = manifest.apiVersion().startsWith("kafka.strimzi.io/");
        return problems(model, manifest.json(), strimzi ? STRIMZI_VERSION : null);
    }

    /** Inspects an already read model against its source tree (strimziVersion null for non-Strimzi models). */
    static List<String> problems(Object model, JsonNode json, String strimziVersion) {
        Walk walk = new Walk(strimziVersion);
        walk.visit(model, json, "");
        return walk.problems;
    }

    static boolean inVersions(String range, String version) {
        int at = STRIMZI_VERSION_ORDER.indexOf(version);
        for (String part : range.split(",")) {
            part = part.strip();
            if (part.equals("all") || part.equals(version)) {
                return true;
            }
            if (part.endsWith("+") && at >= STRIMZI_VERSION_ORDER.indexOf(part.substring(0, part.length() - 1))) {
                return true;
            }
            int dash = part.indexOf('-');
            if (dash > 0 && at >= STRIMZI_VERSION_ORDER.indexOf(part.substring(0, dash))
                    && at <= STRIMZI_VERSION_ORDER.indexOf(part.substring(dash + 1))) {
                return true;
            }
        }
        return false;
    }

    private static final class Walk {

        private final String strimziVersion;
        private final List<String> problems = new ArrayList<>();

        Walk(String strimziVersion) {
            this.strimziVersion = strimziVersion;
        }

        void visit(Object value, JsonNode json, String path) {
            if (value == null) {
                return;
            }
            if (value instanceof Collection<?> items) {
                int i = 0;
                for (Object item : items) {
                    visit(item, json != null && json.isArray() ? json.get(i) : null, path + "[" + i + "]");
                    i++;
                }
                return;
            }
            if (value instanceof Map<?, ?> entries) {
                entries.forEach((key, item) -> visit(item, json == null ? null : json.get(String.valueOf(key)), path + "." + key));
                return;
            }
            if (value instanceof Quantity quantity) {
                try {
                    Quantity.getAmountInBytes(quantity);
                } catch (RuntimeException e) {
                    problems.add(path + ": '" + quantity + "' is not a Kubernetes quantity");
                }
                return;
            }
            Class<?> type = value.getClass();
            if (value instanceof Enum<?> || !isModel(type)) {
                return;
            }
            unknownFields(value, path);
            boolean strimzi = strimziVersion != null && type.getName().startsWith("io.strimzi.");
            if (strimzi) {
                PresentInVersions present = type.getAnnotation(PresentInVersions.class);
                if (present != null && !inVersions(present.value(), strimziVersion)) {
                    problems.add(path + ": " + type.getSimpleName() + " is not part of the " + strimziVersion + " API");
                }
            }
            BeanDescription bean = STRICT.getSerializationConfig().introspect(STRICT.constructType(type));
            for (BeanPropertyDefinition property : bean.findProperties()) {
                AnnotatedMember accessor = property.getAccessor();
                if (accessor == null) {
                    continue;
                }
                String at = path + "." + property.getName();
                JsonNode child = json == null ? null : json.get(property.getName());
                if (strimzi) {
                    strimziRules(property, child, at);
                }
                visit(accessor.getValue(value), child, at);
            }
        }

        private void unknownFields(Object value, String path) {
            try {
                Method getter = value.getClass().getMethod("getAdditionalProperties");
                if (getter.invoke(value) instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
                    problems.add((path.isEmpty() ? "." : path) + ": unknown field(s) " + unknown.keySet()
                            + " for " + value.getClass().getSimpleName());
                }
            } catch (NoSuchMethodException e) {
                // a model type that keeps no unknown fields: the strict reader already refused them
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        private void strimziRules(BeanPropertyDefinition property, JsonNode child, String at) {
            boolean set = child != null && !child.isNull();
            RequiredInVersions requiredIn = annotation(property, RequiredInVersions.class);
            boolean required = property.isRequired() || requiredIn != null && inVersions(requiredIn.value(), strimziVersion);
            if (!set) {
                if (required) {
                    problems.add(at + ": required in " + strimziVersion + " but missing");
                }
                return;
            }
            PresentInVersions present = annotation(property, PresentInVersions.class);
            if (present != null && !inVersions(present.value(), strimziVersion)) {
                problems.add(at + ": not part of the " + strimziVersion + " API (only " + present.value() + ")");
            }
            if (annotation(property, Deprecated.class) != null) {
                problems.add(at + ": deprecated");
            }
            Minimum minimum = annotation(property, Minimum.class);
            if (minimum != null && child.isNumber() && child.asDouble() < minimum.value()) {
                problems.add(at + ": " + child + " is below the minimum " + minimum.value());
            }
            Maximum maximum = annotation(property, Maximum.class);
            if (maximum != null && child.isNumber() && child.asDouble() > maximum.value()) {
                problems.add(at + ": " + child + " is above the maximum " + maximum.value());
            }
            Pattern pattern = annotation(property, Pattern.class);
            if (pattern != null && child.isTextual() && !java.util.regex.Pattern.compile(pattern.value()).matcher(child.asText()).find()) {
                problems.add(at + ": '" + child.asText() + "' does not match " + pattern.value());
            }
            MinimumItems minimumItems = annotation(property, MinimumItems.class);
            if (minimumItems != null && child.isArray() && child.size() < minimumItems.value()) {
                problems.add(at + ": needs at least " + minimumItems.value() + " item(s)");
            }
        }

        private static <A extends Annotation> A annotation(BeanPropertyDefinition property, Class<A> type) {
            for (AnnotatedMember member : new AnnotatedMember[] {property.getGetter(), property.getField()}) {
                if (member != null && member.getAnnotated() instanceof AnnotatedElement element) {
                    A found = element.getAnnotation(type);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        }

        private static boolean isModel(Class<?> type) {
            String name = type.getName();
            return name.startsWith("io.fabric8.kubernetes.api.model.") || name.startsWith("io.strimzi.api.");
        }
    }
}
