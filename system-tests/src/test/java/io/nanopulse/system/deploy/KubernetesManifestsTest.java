package io.nanopulse.system.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * deploy/kubernetes, offline: every manifest is reachable from a kustomization and parses; core kinds parse
 * strictly into fabric8's Kubernetes model; the Strimzi and CloudNativePG resources carry the settings the
 * design depends on (KRaft, 3 nodes, topic partitions/replication/min ISR, 3 PostgreSQL instances, one
 * database and owner per service); the services have probes (on their management ports), resources, config
 * and secrets; only the gateway's public paths are exposed, and the NetworkPolicies admit exactly the intended
 * peers, Prometheus to the management ports only.
 */
class KubernetesManifestsTest {
    static final Path K8S = Promtool.root().resolve("deploy/kubernetes");
    static final List<String> SERVICES = List.of("ingest-service", "metrics-service", "alerts-service", "gateway");
    static final Map<String, String> DATABASE_OF = Map.of("metrics-service", "metrics", "alerts-service", "alerts", "gateway", "gateway");
    static final Pattern XMX = Pattern.compile("-Xmx(\\d+)m");

    static List<Kustomize.Doc> base;
    static List<Kustomize.Doc> production;
    static Set<Path> filesRead = new TreeSet<>();

    @BeforeAll
    static void build() {
        var k = new Kustomize();
        base = k.build(K8S.resolve("base"));
        production = k.build(K8S.resolve("overlays/production"));
        filesRead.addAll(k.filesRead());
    }

    private static List<Kustomize.Doc> ofKind(List<Kustomize.Doc> docs, String kind) {
        return docs.stream().filter(d -> d.kind().equals(kind)).toList();
    }

    private static Kustomize.Doc one(List<Kustomize.Doc> docs, String kind, String name) {
        return docs.stream().filter(d -> d.kind().equals(kind) && d.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + "/" + name));
    }

    private static <T extends HasMetadata> List<T> typed(List<Kustomize.Doc> docs, Class<T> type, String kind) {
        return ofKind(docs, kind).stream().map(d -> StrictKubernetesModel.typed(d.tree(), type)).toList();
    }

    @Test
    void everyManifestFileIsListedByAKustomization() throws IOException {
        try (Stream<Path> files = Files.walk(K8S)) {
            Set<Path> yaml = files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .map(Path::normalize).collect(Collectors.toCollection(TreeSet::new));
            yaml.removeAll(filesRead);
            assertEquals(Set.of(), yaml, "manifests no kustomization uses (so nothing here checks or applies them)");
        }
    }

    @Test
    void coreKindsParseStrictlyAndCustomResourcesAreStrimziOrCloudNativePg() {
        for (var docs : List.of(base, production)) {
            for (var d : docs) {
                var type = StrictKubernetesModel.typedClass(d.apiVersion(), d.kind());
                if (type != null) {
                    HasMetadata o = StrictKubernetesModel.typed(d.tree(), type);
                    assertEquals(d.name(), o.getMetadata().getName());
                } else {
                    assertTrue(Set.of("kafka.strimzi.io/v1beta2", "postgresql.cnpg.io/v1").contains(d.apiVersion()),
                            d.file() + ": " + d.id() + " has apiVersion " + d.apiVersion() + ", neither a Kubernetes kind nor a CRD we use");
                    var g = StrictKubernetesModel.generic(d.tree());
                    assertEquals(d.kind(), g.getKind());
                    assertNotNull(g.getAdditionalProperties().get("spec"), d.id() + " has no spec");
                }
                if (!d.kind().equals("Namespace")) {
                    assertEquals("nanopulse", d.tree().path("metadata").path("namespace").asText(), d.id() + " namespace");
                }
            }
        }
    }

    @Test
    void theStrictModelRefusesAnUnknownField() {
        JsonNode misspelt = Kustomize.YAML.valueToTree(Map.of("apiVersion", "apps/v1", "kind", "Deployment",
                "metadata", Map.of("name", "x"), "spec", Map.of("template", Map.of("spec", Map.of("containers", List.of(
                        Map.of("name", "x", "image", "x", "readynessProbe", Map.of()))))))); // sic
        AssertionError e = assertThrows(AssertionError.class, () -> StrictKubernetesModel.typed(misspelt, Deployment.class));
        assertTrue(e.getMessage().contains("readynessProbe"), e.getMessage());
    }

    @Test
    void servicesHaveProbesResourcesConfigAndSecrets() {
        Set<String> configMaps = ofKind(base, "ConfigMap").stream().map(Kustomize.Doc::name).collect(Collectors.toSet());
        Map<String, Secret> secrets = typed(base, Secret.class, "Secret").stream()
                .collect(Collectors.toMap(s -> s.getMetadata().getName(), s -> s));
        var deployments = typed(base, Deployment.class, "Deployment");
        assertEquals(new TreeSet<>(SERVICES), deployments.stream().map(x -> x.getMetadata().getName()).collect(Collectors.toCollection(TreeSet::new)));
        for (Deployment dep : deployments) {
            String name = dep.getMetadata().getName();
            Container c = dep.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertEquals(1, dep.getSpec().getTemplate().getSpec().getContainers().size(), name);
            assertEquals("http", c.getPorts().get(0).getName(), name);
            assertEquals("management", c.getPorts().get(1).getName(), name);
            assertEquals(Integer.parseInt(ComposeFileTest.managementPort(name)), c.getPorts().get(1).getContainerPort(),
                    name + "'s management port is the one its application.properties sets");
            assertEquals("/q/health/ready", c.getReadinessProbe().getHttpGet().getPath(), name + " readiness");
            assertEquals("/q/health/live", c.getLivenessProbe().getHttpGet().getPath(), name + " liveness");
            assertEquals("/q/health/started", c.getStartupProbe().getHttpGet().getPath(), name + " startup");
            for (var probe : List.of(c.getReadinessProbe(), c.getLivenessProbe(), c.getStartupProbe())) {
                assertEquals("management", probe.getHttpGet().getPort().getStrVal(), name + " probes the named management port");
            }
            assertEquals(dep.getSpec().getSelector().getMatchLabels().get("app.kubernetes.io/name"), name);

            var env = c.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, v -> v));
            int port = c.getPorts().get(0).getContainerPort();
            assertEquals(Integer.toString(port), env.get("QUARKUS_HTTP_PORT").getValue(), name + " listens on its container port");
            assertEquals(Integer.toString(c.getPorts().get(1).getContainerPort()), env.get("QUARKUS_MANAGEMENT_PORT").getValue(),
                    name + " serves health and metrics on its management container port");

            // Memory: the limit holds the heap plus the capped metaspace, code cache and direct buffers, stacks and malloc.
            var resources = c.getResources();
            assertNotNull(resources.getRequests().get("cpu"), name + " cpu request");
            BigDecimal limit = Quantity.getAmountInBytes(resources.getLimits().get("memory"));
            assertEquals(limit, Quantity.getAmountInBytes(resources.getRequests().get("memory")).max(limit), name + " request <= limit");
            var xmx = XMX.matcher(env.get("JAVA_OPTS_APPEND").getValue());
            assertTrue(xmx.find(), name + " sets -Xmx");
            long heapMiB = Long.parseLong(xmx.group(1));
            assertTrue(limit.compareTo(BigDecimal.valueOf((heapMiB + 192) << 20)) >= 0,
                    name + ": memory limit " + limit + " leaves < 192 MiB beyond the " + heapMiB + " MiB heap");
            ContainerJvmMemory.assertFits(name, env.get("JAVA_OPTS_APPEND").getValue(),
                    env.containsKey("GC_CONTAINER_OPTIONS") ? env.get("GC_CONTAINER_OPTIONS").getValue() : null, limit.longValueExact());

            // Config from ConfigMaps, secrets from Secrets (never literal values).
            var envFrom = c.getEnvFrom().stream().map(e -> e.getConfigMapRef().getName()).toList();
            assertTrue(envFrom.contains("nanopulse-common"), name + " reads nanopulse-common");
            envFrom.forEach(cm -> assertTrue(configMaps.contains(cm), name + " reads missing ConfigMap " + cm));
            for (EnvVar v : c.getEnv()) {
                if (v.getName().contains("PASSWORD") || v.getName().contains("KEY")) {
                    assertNotNull(v.getValueFrom(), name + ": " + v.getName() + " must come from a Secret");
                }
                if (v.getValueFrom() != null && v.getValueFrom().getSecretKeyRef() != null) {
                    var ref = v.getValueFrom().getSecretKeyRef();
                    Secret s = secrets.get(ref.getName());
                    if (s == null && Boolean.TRUE.equals(ref.getOptional())) {
                        continue; // a feature the operator switches on by creating the Secret (e-mail: nanopulse-smtp)
                    }
                    assertNotNull(s, name + " reads missing Secret " + ref.getName());
                    assertTrue(s.getStringData().containsKey(ref.getKey()), name + ": Secret " + ref.getName() + " has no key " + ref.getKey());
                }
            }
            // Every service shares the keys of the identity proofs with the gateway, from one Secret.
            assertEquals("nanopulse-internal-signing", env.get("NANOPULSE_INTERNAL_SIGNING_KEYS").getValueFrom().getSecretKeyRef().getName(),
                    name + " reads the internal signing keys");
            String db = DATABASE_OF.get(name);
            if (db != null) {
                String url = envFrom.stream().map(cm -> one(base, "ConfigMap", cm).tree().path("data").path("QUARKUS_DATASOURCE_JDBC_URL"))
                        .filter(n -> !n.isMissingNode()).findFirst().orElseThrow().asText();
                assertEquals("jdbc:postgresql://nanopulse-pg-rw:5432/" + db, url, name + " database");
                assertEquals("nanopulse-db-" + db, env.get("QUARKUS_DATASOURCE_PASSWORD").getValueFrom().getSecretKeyRef().getName());
                assertEquals(db, secrets.get("nanopulse-db-" + db).getStringData().get("username"), name + " logs in as its database's owner");
            } else {
                assertFalse(env.containsKey("QUARKUS_DATASOURCE_PASSWORD"), name + " has no database");
            }
        }
        assertEquals("nanopulse-gateway-admin", typed(base, Deployment.class, "Deployment").stream()
                .filter(d -> d.getMetadata().getName().equals("gateway")).findFirst().orElseThrow()
                .getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .filter(v -> v.getName().equals("NANOPULSE_GATEWAY_BOOTSTRAP_ADMIN_KEY")).findFirst().orElseThrow()
                .getValueFrom().getSecretKeyRef().getName());
    }

    @Test
    void kafkaIsKraftWithThreeNodesAndTheTopicsHaveTheirSettings() {
        JsonNode kafka = one(base, "Kafka", "nanopulse-kafka").tree();
        assertEquals("enabled", kafka.path("metadata").path("annotations").path("strimzi.io/kraft").asText());
        assertEquals("enabled", kafka.path("metadata").path("annotations").path("strimzi.io/node-pools").asText());
        assertFalse(kafka.path("spec").has("zookeeper"), "KRaft: no ZooKeeper");
        assertEquals(2, kafka.path("spec").path("kafka").path("config").path("min.insync.replicas").asInt());
        assertFalse(kafka.path("spec").path("kafka").path("config").path("auto.create.topics.enable").asBoolean(true));
        JsonNode listener = kafka.path("spec").path("kafka").path("listeners").get(0);
        assertEquals(9092, listener.path("port").asInt());
        assertEquals("true", listener.path("networkPolicyPeers").get(0).path("podSelector").path("matchLabels")
                .path("nanopulse.io/kafka-client").asText(), "only Nanopulse's services reach the listener");

        var pools = ofKind(base, "KafkaNodePool");
        assertEquals(1, pools.size());
        JsonNode pool = pools.get(0).tree();
        assertEquals("nanopulse-kafka", pool.path("metadata").path("labels").path("strimzi.io/cluster").asText());
        assertEquals(3, pool.path("spec").path("replicas").asInt());
        Set<String> roles = new TreeSet<>();
        pool.path("spec").path("roles").forEach(r -> roles.add(r.asText()));
        assertEquals(Set.of("broker", "controller"), roles);

        Map<String, JsonNode> topics = new HashMap<>();
        for (var t : ofKind(base, "KafkaTopic")) {
            JsonNode spec = t.tree().path("spec");
            topics.put(spec.path("topicName").asText(t.name()), spec);
            assertEquals("nanopulse-kafka", t.tree().path("metadata").path("labels").path("strimzi.io/cluster").asText(), t.id());
            assertEquals(3, spec.path("replicas").asInt(), t.id() + " replicas");
            assertEquals(2, spec.path("config").path("min.insync.replicas").asInt(), t.id() + " min.insync.replicas");
        }
        assertEquals(Set.of("patent-events", "metric-changes", "patent-events.dlq"), topics.keySet());
        assertEquals(12, topics.get("patent-events").path("partitions").asInt());
        assertTrue(topics.get("metric-changes").path("partitions").asInt() >= 1);
        assertTrue(topics.get("patent-events.dlq").path("partitions").asInt() >= 1);
    }

    /** Topic name → partitions, for the compose check and the autoscaler bound. */
    static Map<String, JsonNode> topicSpecs() {
        return ofKind(base, "KafkaTopic").stream().collect(Collectors.toMap(
                t -> t.tree().path("spec").path("topicName").asText(t.name()), t -> t.tree().path("spec")));
    }

    @Test
    void postgresHasThreeInstancesAndOneDatabaseAndOwnerPerService() {
        JsonNode cluster = one(base, "Cluster", "nanopulse-pg").tree().path("spec");
        assertEquals(3, cluster.path("instances").asInt());
        assertTrue(cluster.path("imageName").asText().contains("postgresql:15"), "PostgreSQL 15 as locally");
        Map<String, String> ownerOf = new HashMap<>();
        JsonNode initdb = cluster.path("bootstrap").path("initdb");
        ownerOf.put(initdb.path("database").asText(), initdb.path("owner").asText());
        for (var d : ofKind(base, "Database")) {
            JsonNode spec = d.tree().path("spec");
            assertEquals("nanopulse-pg", spec.path("cluster").path("name").asText(), d.id());
            ownerOf.put(spec.path("name").asText(), spec.path("owner").asText());
        }
        assertEquals(Map.of("metrics", "metrics", "alerts", "alerts", "gateway", "gateway"), ownerOf);

        // Every owner's password comes from the Secret the service reads; CloudNativePG sets it from there.
        Map<String, String> passwordSecretOf = new HashMap<>();
        passwordSecretOf.put(initdb.path("owner").asText(), initdb.path("secret").path("name").asText());
        cluster.path("managed").path("roles").forEach(r -> {
            assertTrue(r.path("login").asBoolean(), r + " logs in");
            passwordSecretOf.put(r.path("name").asText(), r.path("passwordSecret").path("name").asText());
        });
        assertEquals(Map.of("metrics", "nanopulse-db-metrics", "alerts", "nanopulse-db-alerts", "gateway", "nanopulse-db-gateway"),
                passwordSecretOf);
        for (String secret : passwordSecretOf.values()) {
            assertEquals("kubernetes.io/basic-auth", one(base, "Secret", secret).tree().path("type").asText(), secret);
        }

        // Each role into its own database only: an accept line for it, then a reject for every other database.
        List<String> hba = new ArrayList<>();
        cluster.path("postgresql").path("pg_hba").forEach(l -> hba.add(l.asText().trim().replaceAll("\\s+", " ")));
        for (String db : ownerOf.keySet()) {
            int accept = hba.indexOf("host " + db + " " + db + " all scram-sha-256");
            int reject = hba.indexOf("host all " + db + " all reject");
            assertTrue(accept >= 0 && reject > accept, "pg_hba confines role " + db + " to its database: " + hba);
        }
    }

    @Test
    void consumersAutoscaleUpToTheirTopicsPartitionCount() {
        var hpas = typed(base, HorizontalPodAutoscaler.class, "HorizontalPodAutoscaler").stream()
                .collect(Collectors.toMap(h -> h.getSpec().getScaleTargetRef().getName(), h -> h));
        assertEquals(Set.of("metrics-service", "alerts-service"), hpas.keySet());
        Map<String, String> topicOf = Map.of("metrics-service", "patent-events", "alerts-service", "metric-changes");
        var topics = topicSpecs();
        for (var e : hpas.entrySet()) {
            var spec = e.getValue().getSpec();
            assertEquals("Deployment", spec.getScaleTargetRef().getKind());
            int partitions = topics.get(topicOf.get(e.getKey())).path("partitions").asInt();
            assertTrue(spec.getMaxReplicas() <= partitions, e.getKey() + ": instances beyond " + partitions + " partitions would idle");
            assertTrue(spec.getMinReplicas() >= 2, e.getKey() + " keeps a second instance for failover");
            var dep = StrictKubernetesModel.typed(one(base, "Deployment", e.getKey()).tree(), Deployment.class);
            assertEquals(null, dep.getSpec().getReplicas(), e.getKey() + ": the autoscaler, not the manifest, sets replicas");
        }
    }

    @Test
    void onlyTheGatewayIsExposed() {
        var ingresses = typed(base, Ingress.class, "Ingress");
        assertEquals(1, ingresses.size());
        // The API, the dashboard and its assets, the OpenAPI document and the Swagger UI: never health or metrics.
        Set<String> publicPaths = Set.of("Prefix /api/v1", "Exact /", "Prefix /dashboard", "Exact /q/openapi", "Prefix /q/swagger-ui");
        for (var docs : List.of(base, production)) {
            Ingress ingress = StrictKubernetesModel.typed(one(docs, "Ingress", "gateway").tree(), Ingress.class);
            ingress.getSpec().getRules().forEach(r -> {
                assertEquals(publicPaths, r.getHttp().getPaths().stream().map(p -> p.getPathType() + " " + p.getPath())
                        .collect(Collectors.toSet()), r.getHost());
                r.getHttp().getPaths().forEach(p -> {
                    assertEquals("gateway", p.getBackend().getService().getName());
                    assertEquals("http", p.getBackend().getService().getPort().getName(), "the Ingress reaches the API port only");
                });
            });
        }
        for (Service s : typed(base, Service.class, "Service")) {
            String type = Objects.requireNonNullElse(s.getSpec().getType(), "ClusterIP");
            assertEquals("ClusterIP", type, s.getMetadata().getName() + " must not be reachable from outside");
        }
        for (String svc : SERVICES) {
            Service s = StrictKubernetesModel.typed(one(base, "Service", svc).tree(), Service.class);
            assertEquals(svc, s.getSpec().getSelector().get("app.kubernetes.io/name"));
            Service pods = StrictKubernetesModel.typed(one(base, "Service", svc + "-pods").tree(), Service.class);
            assertEquals("None", pods.getSpec().getClusterIP(), "headless: one DNS record per pod for Prometheus");
            assertEquals(List.of("management"), pods.getSpec().getPorts().stream().map(x -> x.getTargetPort().getStrVal()).toList(),
                    svc + "-pods: Prometheus scrapes the management port");
            if (svc.equals("gateway")) {
                assertEquals(List.of("http"), s.getSpec().getPorts().stream().map(x -> x.getTargetPort().getStrVal()).toList(),
                        "the gateway's Service, behind the Ingress, carries its API only");
            }
        }
    }

    private static Set<String> appsAllowed(NetworkPolicy p, int port) {
        Set<String> apps = new TreeSet<>();
        p.getSpec().getIngress().stream()
                .filter(rule -> rule.getPorts().stream().anyMatch(x -> x.getPort().getIntVal() == port))
                .flatMap(rule -> rule.getFrom().stream())
                .map(NetworkPolicyPeer::getPodSelector).filter(Objects::nonNull)
                .forEach(sel -> apps.add(String.valueOf(sel.getMatchLabels())));
        return apps;
    }

    private static Set<String> namespacesAllowed(NetworkPolicy p, int port) {
        Set<String> namespaces = new TreeSet<>();
        p.getSpec().getIngress().stream()
                .filter(rule -> rule.getPorts().stream().anyMatch(x -> x.getPort().getIntVal() == port))
                .flatMap(rule -> rule.getFrom().stream())
                .map(NetworkPolicyPeer::getNamespaceSelector).filter(Objects::nonNull)
                .forEach(sel -> namespaces.add(sel.getMatchLabels().get("kubernetes.io/metadata.name")));
        return namespaces;
    }

    private static String app(String name) {
        return "{app.kubernetes.io/name=" + name + "}";
    }

    @Test
    void networkPoliciesAdmitOnlyTheIntendedPeers() {
        Map<String, NetworkPolicy> policies = typed(base, NetworkPolicy.class, "NetworkPolicy").stream()
                .collect(Collectors.toMap(p -> p.getMetadata().getName(), p -> p));
        NetworkPolicy deny = policies.get("default-deny-ingress");
        assertTrue(deny.getSpec().getPodSelector().getMatchLabels() == null || deny.getSpec().getPodSelector().getMatchLabels().isEmpty());
        assertEquals(List.of("Ingress"), deny.getSpec().getPolicyTypes());
        assertTrue(deny.getSpec().getIngress() == null || deny.getSpec().getIngress().isEmpty(), "default deny admits nothing");

        assertEquals(Set.of(app("gateway")), appsAllowed(policies.get("ingest-service-http"), 8081));
        assertEquals(Set.of(app("gateway"), app("alerts-service")), appsAllowed(policies.get("metrics-service-http"), 8082));
        assertEquals(Set.of(app("gateway")), appsAllowed(policies.get("alerts-service-http"), 8083));
        assertEquals(Set.of(), appsAllowed(policies.get("gateway-http"), 8080), "the gateway is reached through the ingress controller");
        assertEquals(Set.of("ingress-nginx"), namespacesAllowed(policies.get("gateway-http"), 8080));
        Map.of("ingest-service", 8081, "metrics-service", 8082, "alerts-service", 8083).forEach((svc, port) ->
                assertEquals(Set.of(), namespacesAllowed(policies.get(svc + "-http"), port), svc + "'s API: no namespace, Prometheus included"));
        // Health and metrics: Prometheus (namespace monitoring) everywhere, the gateway's status at the services.
        Map<String, Set<String>> managementPeers = Map.of("gateway", Set.of(), "ingest-service", Set.of(app("gateway")),
                "metrics-service", Set.of(app("gateway")), "alerts-service", Set.of(app("gateway")));
        managementPeers.forEach((svc, apps) -> {
            NetworkPolicy p = policies.get(svc + "-management");
            assertNotNull(p, "no NetworkPolicy " + svc + "-management");
            int port = Integer.parseInt(ComposeFileTest.managementPort(svc));
            assertEquals(apps, appsAllowed(p, port), svc + " management");
            assertEquals(Set.of("monitoring"), namespacesAllowed(p, port), svc + " management");
            assertEquals(Set.of(port), p.getSpec().getIngress().stream().flatMap(r -> r.getPorts().stream())
                    .map(x -> x.getPort().getIntVal()).collect(Collectors.toSet()), svc + "-management admits its management port only");
        });
        assertEquals(Set.of(app("metrics-service"), app("alerts-service"), app("gateway"), "{cnpg.io/cluster=nanopulse-pg}"),
                appsAllowed(policies.get("postgres-clients"), 5432));
        assertEquals(Set.of("{nanopulse.io/kafka-client=true}"), appsAllowed(policies.get("kafka-clients"), 9092));

        // Exactly the four services carry the Kafka client label.
        Set<String> kafkaClients = typed(base, Deployment.class, "Deployment").stream()
                .filter(d -> "true".equals(d.getSpec().getTemplate().getMetadata().getLabels().get("nanopulse.io/kafka-client")))
                .map(d -> d.getMetadata().getName()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(SERVICES), kafkaClients);
        // Every policy selects pods that exist (labels as in the Deployments, Strimzi and CloudNativePG).
        for (NetworkPolicy p : policies.values()) {
            var labels = p.getSpec().getPodSelector().getMatchLabels();
            if (labels != null && labels.containsKey("app.kubernetes.io/name")) {
                assertTrue(SERVICES.contains(labels.get("app.kubernetes.io/name")), p.getMetadata().getName());
            }
        }
    }

    @Test
    void productionOverlayShipsNoPlaceholderSecretsAndUsesRegistryImages() {
        assertEquals(List.of(), ofKind(production, "Secret").stream().map(Kustomize.Doc::name).toList(),
                "production must not carry the base's placeholder secrets");
        assertFalse(ofKind(base, "Secret").isEmpty());
        for (Deployment d : typed(production, Deployment.class, "Deployment")) {
            String image = d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
            assertTrue(image.startsWith("registry.example.com/nanopulse/" + d.getMetadata().getName() + ":"), image);
        }
        assertEquals(3, StrictKubernetesModel.typed(one(production, "Deployment", "gateway").tree(), Deployment.class).getSpec().getReplicas());
        var ingress = StrictKubernetesModel.typed(one(production, "Ingress", "gateway").tree(), Ingress.class);
        assertEquals("api.nanopulse.io", ingress.getSpec().getRules().get(0).getHost());
        assertEquals(List.of("api.nanopulse.io"), ingress.getSpec().getTls().get(0).getHosts());
        assertEquals(1, typed(production, Namespace.class, "Namespace").size());
    }
}
