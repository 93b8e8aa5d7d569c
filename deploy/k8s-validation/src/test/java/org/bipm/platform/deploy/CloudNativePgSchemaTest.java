package org.bipm.platform.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.bipm.platform.deploy.CloudNativePgSchema.ClusterErrors;
import org.bipm.platform.deploy.CloudNativePgSchema.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every rendered CloudNativePG {@code Cluster} is one the CloudNativePG release ops install accepts:
 * valid against its CRD schema and without a field the CRD does not declare.
 */
class CloudNativePgSchemaTest {

    static final List<String> overlays = Overlay.NAMES;

    private static final Pattern CNPG_MANIFEST = Pattern.compile("cnpg-\\d+\\.\\d+\\.\\d+\\.yaml");

    @ParameterizedTest
    @FieldSource("overlays")
    void every_cluster_matches_the_crd_schema_without_unknown_fields(String name) {
        Overlay overlay = Overlay.named(name);
        List<String> clusters = overlay.where(CloudNativePgClusters::isCluster).map(Manifest::name).toList();

        Report report = CloudNativePgSchema.validate(overlay.manifests());

        System.out.printf("%s: %d Clusters validated against %s%n", name, report.clusters().size(), report.crd());
        assertThat(clusters).isNotEmpty();
        assertThat(report.clusters()).extracting(ClusterErrors::name).containsExactlyElementsOf(clusters);
        assertThat(report.problems()).isEmpty();
        assertThat(report.valid()).isTrue();
    }

    @Test
    void ops_install_the_cloudnative_pg_release_whose_crd_is_validated() throws IOException {
        String crd = CloudNativePgSchema.validate(List.of()).crd();
        String readme = Files.readString(Overlay.k8sDirectory().resolveSibling("README.md"));

        assertThat(crd).containsPattern(CNPG_MANIFEST);
        String validated = crd.substring(crd.lastIndexOf('/') + 1);
        assertThat(CNPG_MANIFEST.matcher(readme).results().map(m -> m.group()).distinct())
                .as("the CloudNativePG manifests deploy/README.md installs")
                .containsExactly(validated);
    }

    // --- the validation itself catches what it claims to catch --------------------------------

    @Test
    void a_cluster_the_crd_would_refuse_is_reported_with_the_schemas_message() {
        List<Manifest> documents = documents("""
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: broken}
                spec:
                  instances: three
                  primaryUpdateStrategy: sometimes
                  colour: blue
                  storage: {size: 1Gi, colour: red}
                  managed:
                    roles:
                      - name: reporting
                        colour: green
                  postgresql:
                    parameters: {max_connections: 200}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: not-a-cluster}
                data: {colour: blue}
                ---
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: valid}
                spec:
                  instances: 3
                  primaryUpdateStrategy: supervised
                  storage: {size: 1Gi}
                  postgresql:
                    parameters: {work_mem: 4MB}
                """);

        Report report = CloudNativePgSchema.validate(documents);

        assertThat(report.valid()).isFalse();
        assertThat(report.clusters()).extracting(ClusterErrors::name).containsExactly("broken", "valid");
        assertThat(report.problems()).containsOnlyKeys("broken");
        assertThat(report.problems().get("broken")).containsExactlyInAnyOrder(
                "/spec/instances must be integer",
                "/spec/primaryUpdateStrategy must be equal to one of the allowed values (unsupervised, supervised)",
                "/spec/postgresql/parameters/max_connections must be string",
                "/spec/colour is not a field of the CRD schema (kubectl apply refuses unknown fields)",
                "/spec/storage/colour is not a field of the CRD schema (kubectl apply refuses unknown fields)",
                "/spec/managed/roles/0/colour is not a field of the CRD schema (kubectl apply refuses unknown fields)");
    }

    @Test
    void what_the_crd_schema_leaves_open_is_checked_by_hand() {
        List<Manifest> documents = documents("""
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: open, colour: blue}
                spec:
                  instances: 3
                  bootstrap:
                    initdb: {database: Membership-DB, owner: membership, secret: {name: mine}}
                  postgresql:
                    synchronous: {method: any, number: 3}
                  storage: {size: lots}
                """);

        assertThat(CloudNativePgSchema.validate(documents).problems()).as("the CRD schema accepts it").isEmpty();
        assertThat(CloudNativePgClusters.problems(documents.getFirst())).containsExactlyInAnyOrder(
                ".metadata: unknown field(s) [colour] for ObjectMeta",
                ".spec.storage.size: must be a Kubernetes quantity, is \"lots\"",
                ".spec.bootstrap.initdb.database: must name a PostgreSQL identifier, is \"Membership-DB\"",
                ".spec.bootstrap.initdb.secret: the owner's Secret is left to CloudNativePG (<cluster>-app)",
                ".spec.postgresql.synchronous.number: must be between 1 and instances - 1");
    }

    private static List<Manifest> documents(String yaml) {
        List<Manifest> documents = new ArrayList<>();
        try {
            new YAMLMapper().readerFor(JsonNode.class).<JsonNode>readValues(yaml)
                    .forEachRemaining(node -> documents.add(new Manifest(documents.size(), node)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return documents;
    }
}
