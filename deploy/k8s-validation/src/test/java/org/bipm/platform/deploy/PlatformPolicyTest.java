package org.bipm.platform.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.KafkaAuthorizationSimple;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.kafka.listener.KafkaListenerAuthenticationScramSha512;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The rules every rendered overlay must keep: how each workload runs, who may reach it, which
 * secrets it uses (never their values), and what each service may do on Kafka — checked against
 * the services' own configuration.
 */
class PlatformPolicyTest {

    static final List<String> overlays = Overlay.NAMES;

    private static final String INGRESS_NAMESPACE = "ingress-nginx";
    private static final String MONITORING_NAMESPACE = "monitoring";
    private static final String CNPG_NAMESPACE = "cnpg-system";
    /** Ops create it from the platform's token-signing key pair (deploy/README.md). */
    private static final String JWT_SECRET = "bipm-jwt-public-key";
    /** Ops create it: the key that wraps each CBKT participant's data key (deploy/README.md). */
    private static final String CBKT_MASTER_KEY_SECRET = "bipm-cbkt-master-key";
    /** The keys of the Secret CloudNativePG creates for a database's owner. */
    private static final Set<String> CNPG_APP_SECRET_KEYS =
            Set.of("username", "user", "password", "host", "port", "dbname", "uri", "jdbc-uri", "pgpass");
    /** The keys of the Secret Strimzi's User Operator creates for a SCRAM-SHA-512 KafkaUser. */
    private static final Set<String> KAFKA_USER_SECRET_KEYS = Set.of("password", "sasl.jaas.config");

    // --- how each workload runs ------------------------------------------------------------

    @ParameterizedTest
    @FieldSource("overlays")
    void every_container_is_probed_on_the_quarkus_health_endpoints(String name) {
        List<String> problems = new ArrayList<>();
        for (Deployment deployment : deployments(name)) {
            for (Container container : containers(deployment)) {
                String at = deployment.getMetadata().getName() + "/" + container.getName();
                Set<String> ports = container.getPorts().stream().map(ContainerPort::getName).filter(Objects::nonNull).collect(Collectors.toSet());
                checkProbe(problems, at + " startupProbe", container.getStartupProbe(), "/q/health/started", ports);
                checkProbe(problems, at + " livenessProbe", container.getLivenessProbe(), "/q/health/live", ports);
                checkProbe(problems, at + " readinessProbe", container.getReadinessProbe(), "/q/health/ready", ports);
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("overlays")
    void every_container_has_cpu_and_memory_requests_and_limits(String name) {
        List<String> problems = new ArrayList<>();
        for (Deployment deployment : deployments(name)) {
            for (Container container : containers(deployment)) {
                String at = deployment.getMetadata().getName() + "/" + container.getName();
                ResourceRequirements resources = container.getResources();
                for (String resource : List.of("cpu", "memory")) {
                    Quantity request = resources == null || resources.getRequests() == null ? null : resources.getRequests().get(resource);
                    Quantity limit = resources == null || resources.getLimits() == null ? null : resources.getLimits().get(resource);
                    if (request == null || limit == null) {
                        problems.add(at + ": needs a " + resource + " request and limit");
                    } else if (Quantity.getAmountInBytes(request).compareTo(Quantity.getAmountInBytes(limit)) > 0) {
                        problems.add(at + ": " + resource + " request " + request + " exceeds its limit " + limit);
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("overlays")
    void every_pod_runs_as_non_root_on_a_read_only_filesystem_without_privileges(String name) {
        List<String> problems = new ArrayList<>();
        for (Deployment deployment : deployments(name)) {
            String workload = deployment.getMetadata().getName();
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            PodSecurityContext podSecurity = Optional.ofNullable(pod.getSecurityContext()).orElse(new PodSecurityContext());
            if (!Boolean.FALSE.equals(pod.getAutomountServiceAccountToken())) {
                problems.add(workload + ": mounts a service account token it does not use");
            }
            for (Container container : containers(deployment)) {
                String at = workload + "/" + container.getName();
                SecurityContext security = Optional.ofNullable(container.getSecurityContext()).orElse(new SecurityContext());
                if (!Boolean.TRUE.equals(Optional.ofNullable(security.getRunAsNonRoot()).orElse(podSecurity.getRunAsNonRoot()))) {
                    problems.add(at + ": runAsNonRoot is not true");
                }
                Long user = Optional.ofNullable(security.getRunAsUser()).orElse(podSecurity.getRunAsUser());
                if (user != null && user == 0) {
                    problems.add(at + ": runs as user 0");
                }
                if (!Boolean.FALSE.equals(security.getAllowPrivilegeEscalation())) {
                    problems.add(at + ": allowPrivilegeEscalation is not false");
                }
                if (Boolean.TRUE.equals(security.getPrivileged())) {
                    problems.add(at + ": is privileged");
                }
                if (!Boolean.TRUE.equals(security.getReadOnlyRootFilesystem())) {
                    problems.add(at + ": readOnlyRootFilesystem is not true");
                }
                if (security.getCapabilities() == null || security.getCapabilities().getDrop() == null
                        || !security.getCapabilities().getDrop().contains("ALL")
                        || security.getCapabilities().getAdd() != null && !security.getCapabilities().getAdd().isEmpty()) {
                    problems.add(at + ": must drop ALL capabilities and add none");
                }
                String seccomp = Optional.ofNullable(security.getSeccompProfile()).or(() -> Optional.ofNullable(podSecurity.getSeccompProfile()))
                        .map(profile -> profile.getType()).orElse(null);
                if (!"RuntimeDefault".equals(seccomp) && !"Localhost".equals(seccomp)) {
                    problems.add(at + ": needs the RuntimeDefault seccomp profile");
                }
                // The JVM and Vert.x write temporary files: /tmp must be a writable emptyDir
                Optional<VolumeMount> tmp = container.getVolumeMounts().stream().filter(m -> "/tmp".equals(m.getMountPath())).findFirst();
                if (tmp.isEmpty() || pod.getVolumes().stream().noneMatch(v -> v.getName().equals(tmp.get().getName()) && v.getEmptyDir() != null)) {
                    problems.add(at + ": needs an emptyDir mounted on /tmp");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("overlays")
    void every_image_is_pinned_to_a_version(String name) {
        List<String> problems = new ArrayList<>();
        for (Manifest manifest : Overlay.named(name).manifests()) {
            images(manifest.json(), "", problems, manifest);
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("overlays")
    void every_workload_is_scraped_by_prometheus_on_its_metrics_endpoint(String name) {
        List<String> problems = new ArrayList<>();
        for (Deployment deployment : deployments(name)) {
            Map<String, String> annotations = Optional.ofNullable(deployment.getSpec().getTemplate().getMetadata().getAnnotations()).orElse(Map.of());
            Set<String> ports = containers(deployment).stream().flatMap(c -> c.getPorts().stream())
                    .map(p -> String.valueOf(p.getContainerPort())).collect(Collectors.toSet());
            if (!"true".equals(annotations.get("prometheus.io/scrape")) || !"/q/metrics".equals(annotations.get("prometheus.io/path"))
                    || !ports.contains(annotations.get("prometheus.io/port"))) {
                problems.add(deployment.getMetadata().getName() + ": needs prometheus.io/scrape, /q/metrics and its container port, has " + annotations);
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("overlays")
    void every_deployment_has_a_disruption_budget_that_still_lets_nodes_drain(String name) {
        Overlay overlay = Overlay.named(name);
        List<PodDisruptionBudget> budgets = overlay.all("PodDisruptionBudget").map(m -> m.as(PodDisruptionBudget.class)).toList();
        List<String> problems = new ArrayList<>();
        for (Deployment deployment : deployments(name)) {
            Map<String, String> labels = podLabels(deployment);
            List<PodDisruptionBudget> covering = budgets.stream().filter(b -> Selectors.matches(b.getSpec().getSelector(), labels)).toList();
            if (covering.size() != 1) {
                problems.add(deployment.getMetadata().getName() + ": covered by " + covering.size() + " PodDisruptionBudgets, needs exactly one");
                continue;
            }
            var spec = covering.get(0).getSpec();
            int replicas = Optional.ofNullable(deployment.getSpec().getReplicas()).orElse(1);
            boolean drains = spec.getMaxUnavailable() != null
                    ? spec.getMaxUnavailable().getIntVal() == null || spec.getMaxUnavailable().getIntVal() >= 1
                    : spec.getMinAvailable() != null && spec.getMinAvailable().getIntVal() != null && spec.getMinAvailable().getIntVal() < replicas;
            if (!drains) {
                problems.add(deployment.getMetadata().getName() + ": its PodDisruptionBudget never allows an eviction");
            }
        }
        assertThat(problems).isEmpty();
    }

    // --- who may reach what --------------------------------------------------------------------

    @ParameterizedTest
    @FieldSource("overlays")
    void every_deployment_is_selected_by_a_network_policy(String name) {
        List<NetworkPolicy> policies = networkPolicies(name);
        List<String> problems = new ArrayList<>();
        for (Deployment deployment : deployments(name)) {
            if (policiesFor(policies, podLabels(deployment)).isEmpty()) {
                problems.add(deployment.getMetadata().getName() + ": no NetworkPolicy selects its pods");
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("overlays")
    void only_the_gateway_is_reachable_from_the_ingress_controller_and_services_only_from_the_gateway(String name) {
        List<NetworkPolicy> policies = networkPolicies(name);
        List<Deployment> deployments = deployments(name);
        Deployment gateway = deployments.stream().filter(d -> d.getMetadata().getName().equals("gateway")).findFirst().orElseThrow();
        List<String> problems = new ArrayList<>();
        for (Deployment deployment : deployments) {
            String workload = deployment.getMetadata().getName();
            boolean isGateway = deployment == gateway;
            Set<Integer> ports = containers(deployment).stream().flatMap(c -> c.getPorts().stream()).map(ContainerPort::getContainerPort).collect(Collectors.toSet());
            for (NetworkPolicy policy : policiesFor(policies, podLabels(deployment))) {
                for (NetworkPolicyIngressRule rule : ingressRules(policy)) {
                    checkPorts(problems, workload, policy, rule, ports);
                    if (rule.getFrom() == null || rule.getFrom().isEmpty()) {
                        problems.add(workload + ": policy " + policy.getMetadata().getName() + " admits every source");
                    }
                    for (NetworkPolicyPeer peer : Optional.ofNullable(rule.getFrom()).orElse(List.of())) {
                        String source = describe(peer);
                        boolean allowed = isNamespace(peer, MONITORING_NAMESPACE)
                                || (isGateway ? isNamespace(peer, INGRESS_NAMESPACE) : selectsOnly(peer, podLabels(gateway), deployments));
                        if (!allowed) {
                            problems.add(workload + ": policy " + policy.getMetadata().getName() + " admits " + source);
                        }
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("overlays")
    void each_database_accepts_only_its_own_service_its_instances_its_operator_and_metrics_scrapes(String name) {
        Overlay overlay = Overlay.named(name);
        List<NetworkPolicy> policies = networkPolicies(name);
        List<Deployment> deployments = deployments(name);
        List<String> problems = new ArrayList<>();
        for (Manifest cluster : overlay.all("Cluster").toList()) {
            String database = cluster.name();
            Map<String, String> instanceLabels = Map.of("cnpg.io/cluster", database);
            List<Deployment> users = deployments.stream().filter(d -> secretNames(d).contains(database + "-app")).toList();
            if (users.size() != 1) {
                problems.add(database + ": used by " + users.size() + " Deployments; a database belongs to one service");
                continue;
            }
            Map<String, String> owner = podLabels(users.get(0));
            List<NetworkPolicy> selecting = policiesFor(policies, instanceLabels);
            if (selecting.isEmpty()) {
                problems.add(database + ": no NetworkPolicy selects its instances");
            }
            for (NetworkPolicy policy : selecting) {
                for (NetworkPolicyIngressRule rule : ingressRules(policy)) {
                    if (rule.getFrom() == null || rule.getFrom().isEmpty()) {
                        problems.add(database + ": policy " + policy.getMetadata().getName() + " admits every source");
                    }
                    Set<Integer> ports = ports(rule);
                    for (NetworkPolicyPeer peer : Optional.ofNullable(rule.getFrom()).orElse(List.of())) {
                        boolean allowed;
                        if (isNamespace(peer, MONITORING_NAMESPACE)) {
                            allowed = ports.equals(Set.of(9187));
                        } else if (isNamespace(peer, CNPG_NAMESPACE)) {
                            allowed = peer.getPodSelector() != null && Set.of(5432, 8000).containsAll(ports) && !ports.isEmpty();
                        } else if (peer.getNamespaceSelector() == null && peer.getIpBlock() == null && peer.getPodSelector() != null) {
                            boolean ownInstances = Selectors.matches(peer.getPodSelector(), instanceLabels)
                                    && deployments.stream().noneMatch(d -> Selectors.matches(peer.getPodSelector(), podLabels(d)));
                            allowed = ownInstances || selectsOnly(peer, owner, deployments) && ports.equals(Set.of(5432));
                        } else {
                            allowed = false;
                        }
                        if (!allowed) {
                            problems.add(database + ": policy " + policy.getMetadata().getName() + " admits " + describe(peer) + " on " + ports);
                        }
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("overlays")
    void kafka_accepts_only_authenticated_platform_services_over_tls(String name) {
        Overlay overlay = Overlay.named(name);
        Kafka kafka = kafka(overlay);
        List<String> problems = new ArrayList<>();
        if (!(kafka.getSpec().getKafka().getAuthorization() instanceof KafkaAuthorizationSimple)) {
            problems.add("Kafka " + kafka.getMetadata().getName() + ": needs simple (ACL) authorization");
        }
        List<Deployment> clients = deployments(name).stream().filter(d -> env(d).containsKey("KAFKA_SASL_JAAS_CONFIG")).toList();
        for (GenericKafkaListener listener : kafka.getSpec().getKafka().getListeners()) {
            String at = "listener " + listener.getName();
            if (!listener.isTls() || !(listener.getAuth() instanceof KafkaListenerAuthenticationScramSha512)) {
                problems.add(at + ": needs TLS and SCRAM-SHA-512 authentication");
            }
            List<NetworkPolicyPeer> peers = Optional.ofNullable(listener.getNetworkPolicyPeers()).orElse(List.of());
            if (peers.isEmpty() || peers.stream().anyMatch(p -> p.getNamespaceSelector() != null || p.getIpBlock() != null || p.getPodSelector() == null)) {
                problems.add(at + ": must admit only pods of this namespace, named by networkPolicyPeers");
            }
            for (Deployment client : clients) {
                if (peers.stream().noneMatch(p -> Selectors.matches(p.getPodSelector(), podLabels(client)))) {
                    problems.add(at + ": does not admit " + client.getMetadata().getName());
                }
            }
        }
        assertThat(clients).as("Deployments with Kafka credentials").isNotEmpty();
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("overlays")
    void the_ingress_leads_to_the_gateway_only_and_over_tls(String name) {
        List<Ingress> ingresses = Overlay.named(name).all("Ingress").map(m -> m.as(Ingress.class)).toList();
        assertThat(ingresses).hasSize(1);
        Ingress ingress = ingresses.get(0);
        assertThat(ingress.getSpec().getTls()).as("TLS").isNotEmpty();
        Set<String> hosts = new HashSet<>();
        for (IngressRule rule : ingress.getSpec().getRules()) {
            hosts.add(rule.getHost());
            for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                assertThat(path.getBackend().getService().getName()).isEqualTo("gateway");
            }
        }
        assertThat(ingress.getSpec().getTls().stream().flatMap(t -> t.getHosts().stream())).containsAll(hosts);
    }

    // --- secrets: referenced, never kept ------------------------------------------------------

    @ParameterizedTest
    @FieldSource("overlays")
    void no_secret_value_is_kept_in_the_manifests(String name) {
        Overlay overlay = Overlay.named(name);
        List<String> problems = new ArrayList<>();
        overlay.all("Secret").forEach(m -> problems.add(m + ": Secrets are created by the operators or by ops, never kept in git"));
        java.util.regex.Pattern secretLooking = java.util.regex.Pattern.compile("(?i)password|secret|token|jaas|private|credential");
        overlay.all("ConfigMap").map(m -> m.as(ConfigMap.class)).forEach(configMap -> Optional.ofNullable(configMap.getData()).orElse(Map.of())
                .forEach((key, value) -> {
                    if (secretLooking.matcher(key).find() && !key.endsWith("_LOCATION")) {
                        problems.add("ConfigMap " + configMap.getMetadata().getName() + " holds " + key + "; it belongs in a Secret");
                    }
                }));
        for (Deployment deployment : deployments(name)) {
            for (Container container : containers(deployment)) {
                for (EnvVar variable : Optional.ofNullable(container.getEnv()).orElse(List.of())) {
                    if (variable.getValue() != null && secretLooking.matcher(variable.getName()).find()) {
                        problems.add(deployment.getMetadata().getName() + ": " + variable.getName() + " is set in clear; reference a Secret");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("overlays")
    void every_secret_reference_names_a_secret_the_operators_create_or_ops_provide(String name) {
        Overlay overlay = Overlay.named(name);
        Kafka kafka = kafka(overlay);
        Map<String, Set<String>> known = new java.util.HashMap<>();
        overlay.all("Cluster").forEach(c -> known.put(c.name() + "-app", CNPG_APP_SECRET_KEYS));
        overlay.all("KafkaUser").forEach(u -> known.put(u.name(), KAFKA_USER_SECRET_KEYS));
        known.put(kafka.getMetadata().getName() + "-cluster-ca-cert", Set.of("ca.crt", "ca.p12", "ca.password"));
        known.put(JWT_SECRET, Set.of("publicKey.pem"));
        known.put(CBKT_MASTER_KEY_SECRET, Set.of("master-key"));
        List<String> problems = new ArrayList<>();
        for (Deployment deployment : deployments(name)) {
            String workload = deployment.getMetadata().getName();
            for (Container container : containers(deployment)) {
                for (EnvVar variable : Optional.ofNullable(container.getEnv()).orElse(List.of())) {
                    SecretKeySelector ref = variable.getValueFrom() == null ? null : variable.getValueFrom().getSecretKeyRef();
                    if (ref != null && !known.getOrDefault(ref.getName(), Set.of()).contains(ref.getKey())) {
                        problems.add(workload + ": " + variable.getName() + " reads " + ref.getName() + "/" + ref.getKey() + ", which nothing creates");
                    }
                }
                for (EnvFromSource source : Optional.ofNullable(container.getEnvFrom()).orElse(List.of())) {
                    if (source.getSecretRef() != null) {
                        problems.add(workload + ": imports a whole Secret (" + source.getSecretRef().getName() + "); name the keys it needs");
                    }
                    if (source.getConfigMapRef() != null && overlay.find("ConfigMap", source.getConfigMapRef().getName()).isEmpty()) {
                        problems.add(workload + ": imports ConfigMap " + source.getConfigMapRef().getName() + ", which is not rendered");
                    }
                }
            }
            for (Volume volume : deployment.getSpec().getTemplate().getSpec().getVolumes()) {
                if (volume.getSecret() != null) {
                    Set<String> keys = known.get(volume.getSecret().getSecretName());
                    if (keys == null || volume.getSecret().getItems() == null
                            || volume.getSecret().getItems().stream().anyMatch(item -> !keys.contains(item.getKey()))) {
                        problems.add(workload + ": volume " + volume.getName() + " mounts " + volume.getSecret().getSecretName() + " with unknown keys");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    // --- wiring: each service, its database, its Kafka rights, its neighbours ---------------

    @ParameterizedTest
    @FieldSource("overlays")
    void each_service_connects_to_its_own_database_as_its_owner(String name) {
        Overlay overlay = Overlay.named(name);
        List<String> problems = new ArrayList<>();
        for (Deployment deployment : deployments(name)) {
            String workload = deployment.getMetadata().getName();
            ServiceConfig config = ServiceConfig.of(workload);
            Map<String, EnvVar> env = env(deployment);
            Set<String> secrets = Stream.of("DB_HOST", "DB_PORT", "DB_USER", "DB_PASSWORD", "PLATFORM_DATABASE")
                    .map(variable -> Optional.ofNullable(env.get(variable)).map(EnvVar::getValueFrom).map(v -> v.getSecretKeyRef())
                            .map(SecretKeySelector::getName).orElse("(not from a Secret: " + variable + ")"))
                    .collect(Collectors.toCollection(TreeSet::new));
            if (secrets.size() != 1 || !secrets.iterator().next().endsWith("-app")) {
                problems.add(workload + ": DB_* must all come from one CloudNativePG <cluster>-app Secret, come from " + secrets);
                continue;
            }
            String cluster = secrets.iterator().next().replaceFirst("-app$", "");
            Optional<Manifest> database = overlay.find("Cluster", cluster);
            String created = database.map(c -> c.json().path("spec").path("bootstrap").path("initdb").path("database").asText()).orElse(null);
            if (!Objects.equals(created, config.database())) {
                problems.add(workload + ": its configuration names database " + config.database() + ", cluster " + cluster + " creates " + created);
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("overlays")
    void each_service_may_write_only_its_own_topics_and_read_only_what_it_consumes(String name) {
        Overlay overlay = Overlay.named(name);
        Set<String> topics = overlay.all("KafkaTopic").map(m -> m.as(KafkaTopic.class)).map(PlatformPolicyTest::topicName).collect(Collectors.toSet());
        Map<String, KafkaUser> users = overlay.all("KafkaUser").map(m -> m.as(KafkaUser.class))
                .collect(Collectors.toMap(u -> u.getMetadata().getName(), Function.identity()));
        List<String> problems = new ArrayList<>();
        Set<String> usedUsers = new HashSet<>();
        for (Deployment deployment : deployments(name)) {
            String workload = deployment.getMetadata().getName();
            ServiceConfig config = ServiceConfig.of(workload);
            String userName = Optional.ofNullable(env(deployment).get("KAFKA_SASL_JAAS_CONFIG")).map(EnvVar::getValueFrom)
                    .map(v -> v.getSecretKeyRef()).map(SecretKeySelector::getName).orElse(null);
            KafkaUser user = users.get(userName);
            if (user == null) {
                problems.add(workload + ": its Kafka credentials (" + userName + ") are not a KafkaUser");
                continue;
            }
            usedUsers.add(userName);
            if (!(user.getSpec().getAuthentication() instanceof KafkaUserScramSha512ClientAuthentication)) {
                problems.add(userName + ": needs SCRAM-SHA-512 authentication");
            }
            if (!(user.getSpec().getAuthorization() instanceof KafkaUserAuthorizationSimple authorization)) {
                problems.add(userName + ": needs simple (ACL) authorization");
                continue;
            }
            Set<String> writes = new TreeSet<>();
            Set<String> reads = new TreeSet<>();
            Set<String> groups = new TreeSet<>();
            for (AclRule rule : authorization.getAcls()) {
                Set<AclOperation> operations = new HashSet<>(Optional.ofNullable(rule.getOperations()).orElse(List.of()));
                if (operations.isEmpty()) {
                    problems.add(userName + ": a rule on " + describe(rule) + " without operations");
                }
                if (rule.getResource() instanceof AclRuleTopicResource topic && topic.getPatternType() == AclResourcePatternType.LITERAL) {
                    if (!topics.contains(topic.getName())) {
                        problems.add(userName + ": has rights on " + topic.getName() + ", which is no KafkaTopic");
                    }
                    if (operations.remove(AclOperation.WRITE)) {
                        writes.add(topic.getName());
                    }
                    if (operations.remove(AclOperation.READ)) {
                        reads.add(topic.getName());
                    }
                    operations.remove(AclOperation.DESCRIBE);
                } else if (rule.getResource() instanceof AclRuleGroupResource group && group.getPatternType() == AclResourcePatternType.LITERAL) {
                    if (operations.remove(AclOperation.READ)) {
                        groups.add(group.getName());
                    }
                } else {
                    problems.add(userName + ": has a right on " + describe(rule) + " (only literal topics and groups)");
                }
                if (!operations.isEmpty()) {
                    problems.add(userName + ": has " + operations + " on " + describe(rule) + ", more than it needs");
                }
            }
            expect(problems, userName + " writes", writes, config.writes());
            expect(problems, userName + " reads", reads, config.reads());
            expect(problems, userName + " consumer groups", groups, config.groups());
        }
        Set<String> unused = new TreeSet<>(users.keySet());
        unused.removeAll(usedUsers);
        if (!unused.isEmpty()) {
            problems.add("KafkaUsers no Deployment uses: " + unused);
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("overlays")
    void each_service_listens_on_its_configured_port_behind_a_service_of_that_port(String name) {
        Overlay overlay = Overlay.named(name);
        List<Service> services = overlay.all("Service").map(m -> m.as(Service.class)).toList();
        List<String> problems = new ArrayList<>();
        for (Deployment deployment : deployments(name)) {
            String workload = deployment.getMetadata().getName();
            ServiceConfig config = ServiceConfig.of(workload);
            Map<String, String> settings = settings(overlay, deployment);
            Container container = containers(deployment).get(0);
            List<Integer> ports = container.getPorts().stream().map(ContainerPort::getContainerPort).toList();
            if (!ports.equals(List.of(config.httpPort())) || !String.valueOf(config.httpPort()).equals(settings.get("QUARKUS_HTTP_PORT"))) {
                problems.add(workload + ": listens on " + config.httpPort() + " (its configuration) but declares " + ports
                        + " and QUARKUS_HTTP_PORT=" + settings.get("QUARKUS_HTTP_PORT"));
            }
            Optional<Service> service = services.stream().filter(s -> s.getMetadata().getName().equals(workload)).findFirst();
            if (service.isEmpty() || !Selectors.matches(new io.fabric8.kubernetes.api.model.LabelSelector(null, service.get().getSpec().getSelector()), podLabels(deployment))) {
                problems.add(workload + ": needs a Service of its name selecting its pods");
            } else {
                for (ServicePort port : service.get().getSpec().getPorts()) {
                    String target = port.getTargetPort().getStrVal();
                    if (target == null || container.getPorts().stream().noneMatch(p -> target.equals(p.getName()))) {
                        problems.add(workload + ": Service port " + port.getPort() + " must target a named container port");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("overlays")
    void the_gateway_calls_each_service_through_its_kubernetes_service(String name) {
        Overlay overlay = Overlay.named(name);
        Deployment gateway = deployments(name).stream().filter(d -> d.getMetadata().getName().equals("gateway")).findFirst().orElseThrow();
        Map<String, String> settings = settings(overlay, gateway);
        Map<String, String> expected = Map.of("MEMBERSHIP_URL", "membership-service", "LIAISON_URL", "liaison-service",
                "CBKT_URL", "cbkt-service", "EVENTS_URL", "events-service");
        List<String> problems = new ArrayList<>();
        expected.forEach((variable, target) -> {
            URI url = URI.create(Optional.ofNullable(settings.get(variable)).orElse("missing:/"));
            Optional<Service> service = overlay.find("Service", target).map(m -> m.as(Service.class));
            boolean resolves = service.isPresent() && target.equals(url.getHost())
                    && service.get().getSpec().getPorts().stream().anyMatch(p -> p.getPort() == url.getPort());
            if (!resolves) {
                problems.add(variable + "=" + settings.get(variable) + " does not name Service " + target + " and its port");
            }
        });
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("overlays")
    void every_kafka_client_uses_the_tls_listener_and_the_cluster_ca(String name) {
        Overlay overlay = Overlay.named(name);
        Kafka kafka = kafka(overlay);
        GenericKafkaListener tls = kafka.getSpec().getKafka().getListeners().stream().filter(GenericKafkaListener::isTls).findFirst().orElseThrow();
        String bootstrap = kafka.getMetadata().getName() + "-kafka-bootstrap:" + tls.getPort();
        List<String> problems = new ArrayList<>();
        for (Deployment deployment : deployments(name)) {
            Map<String, String> settings = settings(overlay, deployment);
            String at = deployment.getMetadata().getName();
            if (!bootstrap.equals(settings.get("KAFKA_BOOTSTRAP_SERVERS"))) {
                problems.add(at + ": KAFKA_BOOTSTRAP_SERVERS=" + settings.get("KAFKA_BOOTSTRAP_SERVERS") + ", expected " + bootstrap);
            }
            if (!"SASL_SSL".equals(settings.get("KAFKA_SECURITY_PROTOCOL")) || !"SCRAM-SHA-512".equals(settings.get("KAFKA_SASL_MECHANISM"))) {
                problems.add(at + ": needs KAFKA_SECURITY_PROTOCOL=SASL_SSL and KAFKA_SASL_MECHANISM=SCRAM-SHA-512");
            }
            String truststore = settings.getOrDefault("KAFKA_SSL_TRUSTSTORE_LOCATION", "");
            if (!mountedFromSecret(deployment, truststore, kafka.getMetadata().getName() + "-cluster-ca-cert")) {
                problems.add(at + ": KAFKA_SSL_TRUSTSTORE_LOCATION=" + truststore + " is not the mounted cluster CA");
            }
            String jwt = settings.getOrDefault("JWT_PUBLIC_KEY_LOCATION", "");
            if (!mountedFromSecret(deployment, jwt, JWT_SECRET)) {
                problems.add(at + ": JWT_PUBLIC_KEY_LOCATION=" + jwt + " is not the mounted " + JWT_SECRET);
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("overlays")
    void every_topic_keeps_its_events_forever_and_has_a_dead_letter_topic(String name) {
        Overlay overlay = Overlay.named(name);
        List<KafkaTopic> topics = overlay.all("KafkaTopic").map(m -> m.as(KafkaTopic.class)).toList();
        Set<String> names = topics.stream().map(PlatformPolicyTest::topicName).collect(Collectors.toSet());
        String cluster = kafka(overlay).getMetadata().getName();
        List<String> problems = new ArrayList<>();
        for (KafkaTopic topic : topics) {
            String at = topicName(topic);
            Map<String, Object> config = Optional.ofNullable(topic.getSpec().getConfig()).orElse(Map.of());
            if (!"-1".equals(String.valueOf(config.get("retention.ms")))) {
                problems.add(at + ": retention.ms is " + config.get("retention.ms") + ", must be -1 (unlimited)");
            }
            if (config.containsKey("retention.bytes") && !"-1".equals(String.valueOf(config.get("retention.bytes")))) {
                problems.add(at + ": retention.bytes limits the history");
            }
            if (String.valueOf(config.getOrDefault("cleanup.policy", "delete")).contains("compact")) {
                problems.add(at + ": an event stream must not be compacted");
            }
            if (!at.endsWith(".dlq") && !names.contains(at + ".dlq")) {
                problems.add(at + ": has no dead-letter topic " + at + ".dlq");
            }
            if (!cluster.equals(topic.getMetadata().getLabels().get("strimzi.io/cluster"))) {
                problems.add(at + ": not labelled strimzi.io/cluster=" + cluster);
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("overlays")
    void kafka_runs_in_kraft_mode_on_node_pools_of_its_cluster(String name) {
        Overlay overlay = Overlay.named(name);
        Kafka kafka = kafka(overlay);
        String cluster = kafka.getMetadata().getName();
        assertThat(kafka.getMetadata().getAnnotations())
                .containsEntry("strimzi.io/kraft", "enabled")
                .containsEntry("strimzi.io/node-pools", "enabled");
        List<KafkaNodePool> pools = overlay.all("KafkaNodePool").map(m -> m.as(KafkaNodePool.class)).toList();
        assertThat(pools).allSatisfy(pool -> assertThat(pool.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", cluster));
        assertThat(pools.stream().flatMap(p -> p.getSpec().getRoles().stream())).contains(ProcessRoles.CONTROLLER, ProcessRoles.BROKER);
        assertThat(overlay.all("KafkaUser").map(m -> m.labels().get("strimzi.io/cluster"))).containsOnly(cluster);
    }

    // --- helpers -------------------------------------------------------------------------------

    static List<Deployment> deployments(String overlay) {
        List<Deployment> deployments = Overlay.named(overlay).all("Deployment").map(m -> m.as(Deployment.class)).toList();
        assertThat(deployments).as("Deployments in " + overlay).isNotEmpty();
        return deployments;
    }

    static Kafka kafka(Overlay overlay) {
        List<Kafka> kafkas = overlay.all("Kafka").map(m -> m.as(Kafka.class)).toList();
        assertThat(kafkas).as("Kafka clusters").hasSize(1);
        return kafkas.get(0);
    }

    static List<Container> containers(Deployment deployment) {
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        return Stream.concat(Optional.ofNullable(pod.getInitContainers()).orElse(List.of()).stream(), pod.getContainers().stream()).toList();
    }

    static Map<String, String> podLabels(Deployment deployment) {
        return Optional.ofNullable(deployment.getSpec().getTemplate().getMetadata().getLabels()).orElse(Map.of());
    }

    static String topicName(KafkaTopic topic) {
        return Optional.ofNullable(topic.getSpec().getTopicName()).orElse(topic.getMetadata().getName());
    }

    private static Map<String, EnvVar> env(Deployment deployment) {
        return containers(deployment).stream().flatMap(c -> Optional.ofNullable(c.getEnv()).orElse(List.of()).stream())
                .collect(Collectors.toMap(EnvVar::getName, Function.identity(), (a, b) -> b));
    }

    /** The plain settings a container gets: its ConfigMaps, then its literal env values. */
    private static Map<String, String> settings(Overlay overlay, Deployment deployment) {
        Map<String, String> settings = new java.util.HashMap<>();
        for (Container container : containers(deployment)) {
            for (EnvFromSource source : Optional.ofNullable(container.getEnvFrom()).orElse(List.of())) {
                if (source.getConfigMapRef() != null) {
                    overlay.find("ConfigMap", source.getConfigMapRef().getName()).map(m -> m.as(ConfigMap.class))
                            .map(ConfigMap::getData).ifPresent(settings::putAll);
                }
            }
            Optional.ofNullable(container.getEnv()).orElse(List.of()).stream().filter(e -> e.getValue() != null)
                    .forEach(e -> settings.put(e.getName(), e.getValue()));
        }
        return settings;
    }

    private static Set<String> secretNames(Deployment deployment) {
        return env(deployment).values().stream().map(EnvVar::getValueFrom).filter(Objects::nonNull)
                .map(v -> v.getSecretKeyRef()).filter(Objects::nonNull).map(SecretKeySelector::getName).collect(Collectors.toSet());
    }

    private static boolean mountedFromSecret(Deployment deployment, String file, String secret) {
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        return containers(deployment).stream().flatMap(c -> c.getVolumeMounts().stream())
                .filter(mount -> file.startsWith(mount.getMountPath() + "/"))
                .anyMatch(mount -> pod.getVolumes().stream().anyMatch(v -> v.getName().equals(mount.getName())
                        && v.getSecret() != null && secret.equals(v.getSecret().getSecretName())
                        && v.getSecret().getItems().stream().anyMatch(item -> file.equals(mount.getMountPath() + "/" + item.getPath()))));
    }

    private static List<NetworkPolicy> networkPolicies(String overlay) {
        return Overlay.named(overlay).all("NetworkPolicy").map(m -> m.as(NetworkPolicy.class)).toList();
    }

    private static List<NetworkPolicy> policiesFor(List<NetworkPolicy> policies, Map<String, String> labels) {
        return policies.stream().filter(p -> Selectors.matches(p.getSpec().getPodSelector(), labels))
                .filter(p -> p.getSpec().getPolicyTypes() == null || p.getSpec().getPolicyTypes().contains("Ingress")).toList();
    }

    private static List<NetworkPolicyIngressRule> ingressRules(NetworkPolicy policy) {
        return Optional.ofNullable(policy.getSpec().getIngress()).orElse(List.of());
    }

    private static Set<Integer> ports(NetworkPolicyIngressRule rule) {
        return Optional.ofNullable(rule.getPorts()).orElse(List.of()).stream().map(NetworkPolicyPort::getPort)
                .filter(Objects::nonNull).map(p -> p.getIntVal()).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    private static void checkPorts(List<String> problems, String workload, NetworkPolicy policy, NetworkPolicyIngressRule rule, Set<Integer> ports) {
        Set<Integer> admitted = ports(rule);
        if (admitted.isEmpty() || !ports.containsAll(admitted)) {
            problems.add(workload + ": policy " + policy.getMetadata().getName() + " must admit only its container ports " + ports + ", admits " + admitted);
        }
    }

    private static boolean isNamespace(NetworkPolicyPeer peer, String namespace) {
        return peer.getIpBlock() == null && Selectors.namespaceNamed(peer.getNamespaceSelector()).filter(namespace::equals).isPresent();
    }

    /** A same-namespace pod selector that selects these pods and no other Deployment's. */
    private static boolean selectsOnly(NetworkPolicyPeer peer, Map<String, String> labels, List<Deployment> deployments) {
        if (peer.getNamespaceSelector() != null || peer.getIpBlock() != null || peer.getPodSelector() == null
                || !Selectors.matches(peer.getPodSelector(), labels)) {
            return false;
        }
        return deployments.stream().map(PlatformPolicyTest::podLabels).filter(other -> !other.equals(labels))
                .noneMatch(other -> Selectors.matches(peer.getPodSelector(), other));
    }

    private static String describe(NetworkPolicyPeer peer) {
        return "{namespaces " + (peer.getNamespaceSelector() == null ? "-" : peer.getNamespaceSelector().getMatchLabels())
                + ", pods " + (peer.getPodSelector() == null ? "-" : peer.getPodSelector().getMatchLabels())
                + (peer.getIpBlock() == null ? "" : ", ipBlock " + peer.getIpBlock().getCidr()) + "}";
    }

    private static String describe(AclRule rule) {
        if (rule.getResource() instanceof AclRuleTopicResource topic) {
            return "topic " + topic.getName() + " (" + topic.getPatternType() + ")";
        }
        if (rule.getResource() instanceof AclRuleGroupResource group) {
            return "group " + group.getName() + " (" + group.getPatternType() + ")";
        }
        return String.valueOf(rule.getResource().getType());
    }

    private static void checkProbe(List<String> problems, String at, Probe probe, String path, Set<String> ports) {
        HTTPGetAction get = probe == null ? null : probe.getHttpGet();
        if (get == null) {
            problems.add(at + ": missing (an HTTP GET of " + path + ")");
        } else if (!path.equals(get.getPath()) || get.getPort() == null || get.getPort().getStrVal() == null
                || !ports.contains(get.getPort().getStrVal())) {
            problems.add(at + ": must GET " + path + " on a named container port, gets " + get.getPath() + " on " + get.getPort());
        }
    }

    private static void images(JsonNode node, String path, List<String> problems, Manifest manifest) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if ((e.getKey().equals("image") || e.getKey().equals("imageName")) && e.getValue().isTextual()) {
                    String image = e.getValue().asText();
                    String afterRegistry = image.substring(image.lastIndexOf('/') + 1);
                    boolean digest = image.contains("@sha256:");
                    boolean tagged = afterRegistry.contains(":") && !afterRegistry.endsWith(":latest");
                    if (!digest && !tagged) {
                        problems.add(manifest + path + "." + e.getKey() + ": '" + image + "' has no version (or is latest)");
                    }
                }
                images(e.getValue(), path + "." + e.getKey(), problems, manifest);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                images(node.get(i), path + "[" + i + "]", problems, manifest);
            }
        }
    }

    private static void expect(List<String> problems, String what, Set<String> granted, Set<String> needed) {
        if (!granted.equals(needed)) {
            problems.add(what + ": granted " + granted + ", its configuration needs " + needed);
        }
    }
}
