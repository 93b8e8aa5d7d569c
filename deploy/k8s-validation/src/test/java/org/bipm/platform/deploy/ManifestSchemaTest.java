package org.bipm.platform.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.strimzi.api.kafka.model.kafka.KafkaClusterSpec;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.crdgenerator.annotations.PresentInVersions;
import io.strimzi.crdgenerator.annotations.RequiredInVersions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every rendered document is a resource the cluster will accept: a kind this platform deploys, in
 * an API version Kubernetes (1.30+), Strimzi (0.49+, API v1) or CloudNativePG serve, read into
 * its typed model without a field the model does not know. CloudNativePG Clusters have no typed
 * model in Java: {@link CloudNativePgSchemaTest} checks them against their CRD schema, and here
 * only what that schema leaves open.
 */
class ManifestSchemaTest {

    static final List<String> overlays = Overlay.NAMES;

    /** apiVersion and kind of everything the overlays may render. */
    private static final Set<String> DEPLOYED_KINDS = Set.of(
            "v1 Namespace", "v1 ConfigMap", "v1 Service",
            "apps/v1 Deployment", "policy/v1 PodDisruptionBudget", "autoscaling/v2 HorizontalPodAutoscaler",
            "networking.k8s.io/v1 NetworkPolicy", "networking.k8s.io/v1 Ingress",
            "kafka.strimzi.io/v1 Kafka", "kafka.strimzi.io/v1 KafkaNodePool", "kafka.strimzi.io/v1 KafkaTopic",
            "kafka.strimzi.io/v1 KafkaUser",
            CloudNativePgClusters.API_VERSION + " Cluster");

    @ParameterizedTest
    @FieldSource("overlays")
    void every_document_reads_into_its_typed_model_without_unknown_fields(String name) {
        Overlay overlay = Overlay.named(name);
        Map<String, List<String>> problems = new TreeMap<>();
        for (Manifest manifest : overlay.manifests()) {
            List<String> found = CloudNativePgClusters.isCluster(manifest) ? CloudNativePgClusters.problems(manifest) : TypedModels.problems(manifest);
            if (!found.isEmpty()) {
                problems.put(manifest.toString(), found);
            }
        }
        System.out.printf("%s: %d documents validated %s%n", name, overlay.manifests().size(),
                overlay.manifests().stream().collect(Collectors.groupingBy(Manifest::kind, TreeMap::new, Collectors.counting())));
        assertThat(overlay.manifests()).isNotEmpty();
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("overlays")
    void only_the_kinds_the_platform_deploys_are_rendered(String name) {
        List<String> unexpected = Overlay.named(name).manifests().stream()
                .filter(m -> !DEPLOYED_KINDS.contains(m.apiVersion() + " " + m.kind()))
                .map(m -> m + " (" + m.apiVersion() + ")").toList();
        assertThat(unexpected).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("overlays")
    void every_name_is_unique_per_kind_and_a_valid_kubernetes_name(String name) {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (Manifest manifest : Overlay.named(name).manifests()) {
            if (!seen.add(manifest.kind() + "/" + manifest.name())) {
                problems.add(manifest + ": defined twice");
            }
            if (!manifest.name().matches("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?")) {
                problems.add(manifest + ": not a DNS subdomain name");
            }
        }
        assertThat(problems).isEmpty();
    }

    // --- the validation itself catches what it claims to catch --------------------------------

    @Test
    void strimzi_schema_rules_are_read_from_its_model() {
        PresentInVersions replicas = annotation(KafkaClusterSpec.class, "getReplicas", PresentInVersions.class);
        RequiredInVersions operations = annotation(AclRule.class, "getOperations", RequiredInVersions.class);
        assertThat(replicas).as("Kafka.spec.kafka.replicas exists only before v1").isNotNull();
        assertThat(TypedModels.inVersions(replicas.value(), "v1")).isFalse();
        assertThat(operations).as("acls[].operations is required from v1").isNotNull();
        assertThat(TypedModels.inVersions(operations.value(), "v1")).isTrue();
    }

    @Test
    void a_document_the_apis_would_refuse_is_reported() throws Exception {
        String yaml = """
                apiVersion: kafka.strimzi.io/v1
                kind: Kafka
                metadata:
                  name: broken
                spec:
                  kafka:
                    replicas: 3
                    listeners:
                      - name: TLS
                        port: 80
                        type: internal
                        tls: true
                        colour: blue
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: broken
                spec:
                  selector: {matchLabels: {app: broken}}
                  template:
                    metadata: {labels: {app: broken}}
                    spec:
                      containers:
                        - name: app
                          image: app:1
                          resourcez: {}
                          resources: {limits: {memory: lots}}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: wrong-type
                spec:
                  replicas: three
                ---
                apiVersion: example.org/v1
                kind: Widget
                metadata:
                  name: unknown
                """;
        List<Manifest> documents = new ArrayList<>();
        new YAMLMapper().readerFor(com.fasterxml.jackson.databind.JsonNode.class).readValues(yaml)
                .forEachRemaining(node -> documents.add(new Manifest(documents.size(), (com.fasterxml.jackson.databind.JsonNode) node)));

        assertThat(TypedModels.problems(documents.get(0))).anySatisfy(p -> assertThat(p).contains(".spec.kafka.replicas: not part of the v1 API"))
                .anySatisfy(p -> assertThat(p).contains("unknown field(s) [colour]"))
                .anySatisfy(p -> assertThat(p).contains(".name: 'TLS' does not match"))
                .anySatisfy(p -> assertThat(p).contains(".port: 80 is below the minimum 9092"))
                .hasSizeGreaterThanOrEqualTo(4);
        assertThat(TypedModels.problems(documents.get(1))).anySatisfy(p -> assertThat(p).contains("unknown field(s) [resourcez]"))
                .anySatisfy(p -> assertThat(p).contains("'lots' is not a Kubernetes quantity"));
        assertThat(TypedModels.problems(documents.get(2))).singleElement().asString().contains("does not read as Deployment");
        assertThat(TypedModels.problems(documents.get(3))).singleElement().asString().contains("no typed model knows example.org/v1 Widget");
    }

    private static <A extends java.lang.annotation.Annotation> A annotation(Class<?> type, String getter, Class<A> annotation) {
        try {
            return type.getMethod(getter).getAnnotation(annotation);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }
}
