package org.bipm.platform.deploy;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Kubernetes label selector semantics, for checking what selects what without a cluster. */
final class Selectors {

    private Selectors() {
    }

    /** As the API server evaluates it: every matchLabels pair and every matchExpression must hold. */
    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        Map<String, String> matchLabels = Optional.ofNullable(selector.getMatchLabels()).orElse(Map.of());
        for (Map.Entry<String, String> required : matchLabels.entrySet()) {
            if (!required.getValue().equals(labels.get(required.getKey()))) {
                return false;
            }
        }
        for (LabelSelectorRequirement requirement : Optional.ofNullable(selector.getMatchExpressions()).orElse(List.of())) {
            String value = labels.get(requirement.getKey());
            List<String> values = Optional.ofNullable(requirement.getValues()).orElse(List.of());
            boolean holds = switch (requirement.getOperator()) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new IllegalArgumentException("unknown selector operator " + requirement.getOperator());
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    /** The namespace a namespaceSelector names through the kubernetes.io/metadata.name label, if it names one. */
    static Optional<String> namespaceNamed(LabelSelector namespaceSelector) {
        if (namespaceSelector == null || namespaceSelector.getMatchLabels() == null
                || namespaceSelector.getMatchExpressions() != null && !namespaceSelector.getMatchExpressions().isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(namespaceSelector.getMatchLabels().get("kubernetes.io/metadata.name"));
    }
}
