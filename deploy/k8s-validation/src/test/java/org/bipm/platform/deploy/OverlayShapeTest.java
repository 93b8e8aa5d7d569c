package org.bipm.platform.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** What distinguishes the overlays: dev is one of everything and small; prod is three of everything and autoscaled. */
class OverlayShapeTest {

    static final List<String> overlays = Overlay.NAMES;

    @Test
    void dev_runs_one_replica_of_everything_with_small_resources() {
        Overlay dev = Overlay.named("dev");
        assertThat(PlatformPolicyTest.deployments("dev")).allSatisfy(d -> {
            assertThat(d.getSpec().getReplicas()).as(d.getMetadata().getName()).isEqualTo(1);
            Container container = d.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(bytes(container.getResources().getLimits().get("memory"))).as("memory limit").isLessThanOrEqualTo(bytes("512Mi"));
            assertThat(bytes(container.getResources().getRequests().get("cpu"))).as("cpu request").isLessThanOrEqualTo(bytes("100m"));
        });
        assertThat(dev.all("HorizontalPodAutoscaler")).isEmpty();
        assertThat(nodes(dev, ProcessRoles.BROKER)).isEqualTo(1);
        assertThat(dev.all("Cluster").map(c -> c.json().path("spec").path("instances").asInt())).containsOnly(1);
        assertThat(dev.all("KafkaTopic").map(m -> m.as(KafkaTopic.class).getSpec().getReplicas())).containsOnly(1);
    }

    @Test
    void prod_runs_three_replicas_of_every_workload_and_scales_each_from_three() {
        Overlay prod = Overlay.named("prod");
        List<Deployment> deployments = PlatformPolicyTest.deployments("prod");
        Map<String, HorizontalPodAutoscaler> autoscalers = prod.all("HorizontalPodAutoscaler").map(m -> m.as(HorizontalPodAutoscaler.class))
                .collect(Collectors.toMap(h -> h.getSpec().getScaleTargetRef().getName(), h -> h));
        assertThat(deployments).allSatisfy(d -> {
            String name = d.getMetadata().getName();
            assertThat(d.getSpec().getReplicas()).as(name).isEqualTo(3);
            HorizontalPodAutoscaler autoscaler = autoscalers.get(name);
            assertThat(autoscaler).as("autoscaler of " + name).isNotNull();
            assertThat(autoscaler.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
            assertThat(autoscaler.getSpec().getMinReplicas()).isEqualTo(3);
            assertThat(autoscaler.getSpec().getMaxReplicas()).isGreaterThan(3);
            assertThat(autoscaler.getSpec().getMetrics()).isNotEmpty();
        });
        assertThat(autoscalers).hasSameSizeAs(deployments);
    }

    @Test
    void prod_never_runs_more_consumers_than_partitions() {
        Overlay prod = Overlay.named("prod");
        int partitions = prod.all("KafkaTopic").map(m -> m.as(KafkaTopic.class).getSpec().getPartitions()).min(Integer::compare).orElseThrow();
        assertThat(prod.all("HorizontalPodAutoscaler").map(m -> m.as(HorizontalPodAutoscaler.class).getSpec().getMaxReplicas()))
                .allSatisfy(max -> assertThat(max).isLessThanOrEqualTo(partitions));
    }

    @Test
    void prod_kafka_keeps_every_event_on_three_nodes_and_acknowledges_on_two() {
        Overlay prod = Overlay.named("prod");
        Kafka kafka = PlatformPolicyTest.kafka(prod);
        Map<String, Object> config = kafka.getSpec().getKafka().getConfig();
        assertThat(nodes(prod, ProcessRoles.BROKER)).isGreaterThanOrEqualTo(3);
        assertThat(nodes(prod, ProcessRoles.CONTROLLER)).isGreaterThanOrEqualTo(3).isOdd();
        assertThat(String.valueOf(config.get("min.insync.replicas"))).isEqualTo("2");
        assertThat(String.valueOf(config.get("default.replication.factor"))).isEqualTo("3");
        assertThat(String.valueOf(config.get("offsets.topic.replication.factor"))).isEqualTo("3");
        assertThat(prod.all("KafkaTopic").map(m -> m.as(KafkaTopic.class))).allSatisfy(topic -> {
            assertThat(topic.getSpec().getReplicas()).as(topic.getMetadata().getName()).isEqualTo(3);
            assertThat(String.valueOf(topic.getSpec().getConfig().get("min.insync.replicas"))).as(topic.getMetadata().getName()).isEqualTo("2");
        });
    }

    @Test
    void prod_runs_three_postgresql_instances_per_database_with_a_synchronous_standby() {
        Overlay prod = Overlay.named("prod");
        assertThat(prod.all("Cluster")).hasSize(5).allSatisfy(cluster -> {
            JsonNode spec = cluster.json().path("spec");
            assertThat(spec.path("instances").asInt()).as(cluster.name()).isEqualTo(3);
            assertThat(spec.path("postgresql").path("synchronous").path("number").asInt()).as(cluster.name()).isEqualTo(1);
            assertThat(spec.path("affinity").path("enablePodAntiAffinity").asBoolean()).isTrue();
        });
    }

    @ParameterizedTest
    @FieldSource("overlays")
    void image_versions_are_set_in_one_place_the_overlays_images_list(String name) throws IOException {
        Path base = Overlay.k8sDirectory().resolve("base");
        List<String> baseImages;
        try (var files = Files.walk(base)) {
            baseImages = files.filter(f -> f.toString().endsWith(".yaml")).flatMap(OverlayShapeTest::lines)
                    .map(String::strip).filter(line -> line.startsWith("image:")).map(line -> line.substring("image:".length()).strip()).toList();
        }
        assertThat(baseImages).as("images in the base carry no registry or tag").isNotEmpty().allSatisfy(image -> assertThat(image).doesNotContain(":", "/"));
        String kustomization = Files.readString(Overlay.k8sDirectory().resolve("overlays").resolve(name).resolve("kustomization.yaml"));
        Set<String> rendered = PlatformPolicyTest.deployments(name).stream()
                .flatMap(d -> d.getSpec().getTemplate().getSpec().getContainers().stream()).map(Container::getImage).collect(Collectors.toSet());
        assertThat(baseImages).allSatisfy(image -> assertThat(kustomization).contains("- name: " + image + "\n"));
        assertThat(rendered).allSatisfy(image -> assertThat(image).matches("[^:]+/[^:/]+:[\\w][\\w.-]*"));
    }

    private static int nodes(Overlay overlay, ProcessRoles role) {
        return overlay.all("KafkaNodePool").map(m -> m.as(KafkaNodePool.class))
                .filter(pool -> pool.getSpec().getRoles().contains(role)).mapToInt(pool -> pool.getSpec().getReplicas()).sum();
    }

    private static BigDecimal bytes(Object quantity) {
        return Quantity.getAmountInBytes(quantity instanceof Quantity q ? q : Quantity.parse(String.valueOf(quantity)));
    }

    private static java.util.stream.Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
