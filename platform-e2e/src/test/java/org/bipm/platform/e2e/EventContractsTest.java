package org.bipm.platform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bipm.platform.testing.PlatformStack;
import org.junit.jupiter.api.Test;

/**
 * The published event contracts, checked against the repository: the AsyncAPI document is valid
 * AsyncAPI 3.0.0 and names every event type that has a JSON Schema, and a released schema version
 * never changes incompatibly.
 * Releasing a schema = copying it to {@code deploy/contracts/released/<topic>/}; changing its meaning
 * afterwards needs a new version file (and an upcaster).
 */
class EventContractsTest {

    private static final Path ROOT = PlatformStack.root();
    private static final Path RELEASED = ROOT.resolve("deploy/contracts/released");
    private static final Map<String, String> TOPICS = Map.of(
            "membership-service", "bipm.membership.v1",
            "liaison-service", "bipm.liaison.v1",
            "cbkt-service", "bipm.cbkt.v1",
            "events-service", "bipm.wmd.v1");
    private static final Pattern SCHEMA_FILE = Pattern.compile("([A-Za-z]+)\\.v([1-9][0-9]*)\\.json");
    /** Words for people: changing them changes no event a consumer can receive. */
    private static final List<String> ANNOTATIONS = List.of("title", "description", "examples", "$comment");

    /** Keywords whose value maps property names to schemas. */
    private static final List<String> NAMED_KEYWORDS = List.of("properties", "patternProperties", "$defs", "dependentSchemas");
    /** Keywords whose value is data, compared as it is. */
    private static final List<String> DATA_KEYWORDS = List.of("enum", "const", "default");

    private final ObjectMapper json = new ObjectMapper();

    /** Every schema file of the four services, by topic then {@code Type.vN.json}. */
    private static Map<String, Map<String, Path>> currentSchemas() {
        Map<String, Map<String, Path>> byTopic = new TreeMap<>();
        TOPICS.forEach((module, topic) -> byTopic.put(topic,
                files(ROOT.resolve(module).resolve("src/main/resources/META-INF/schemas").resolve(topic))));
        return byTopic;
    }

    @Test
    void asyncapi_is_valid_against_the_official_asyncapi_3_0_0_json_schema_and_its_references_resolve() throws IOException {
        JsonNode asyncApi = new YAMLMapper().readTree(ROOT.resolve("deploy/contracts/asyncapi.yaml").toFile());
        JsonNode official;
        try (InputStream in = getClass().getResourceAsStream("/asyncapi/3.0.0-without-$id.json")) {
            official = json.readTree(in); // @asyncapi/specs 6.11.1, see src/test/resources/asyncapi/README.md
        }
        var validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(official, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        assertThat(validator.validate(asyncApi)).extracting(ValidationMessage::toString).isEmpty();

        // what the JSON Schema cannot see and AsyncAPI parsers refuse: a reference to nothing, in the document
        // or among the event schemas served next to it (schemas/<topic>/<Type>.v<n>.json)
        Map<String, Map<String, Path>> schemas = currentSchemas();
        List<String> dangling = new ArrayList<>();
        references(asyncApi, ref -> {
            String[] file = ref.split("/");
            boolean found = ref.startsWith("#/") ? !asyncApi.at(ref.substring(1)).isMissingNode()
                    : file.length == 3 && file[0].equals("schemas") && schemas.getOrDefault(file[1], Map.of()).containsKey(file[2]);
            if (!found) {
                dangling.add(ref);
            }
        });
        assertThat(dangling).isEmpty();
    }

    private static void references(JsonNode node, java.util.function.Consumer<String> ref) {
        if (node.isObject() && node.path("$ref").isTextual()) {
            ref.accept(node.get("$ref").asText());
        }
        node.forEach(child -> references(child, ref));
    }

    @Test
    void asyncapi_names_every_event_type_at_its_newest_schema_version_on_its_topic() throws IOException {
        JsonNode asyncApi = new YAMLMapper().readTree(ROOT.resolve("deploy/contracts/asyncapi.yaml").toFile());
        assertThat(asyncApi.path("asyncapi").asText()).isEqualTo("3.0.0");

        currentSchemas().forEach((topic, files) -> {
            JsonNode channel = channelOf(asyncApi, topic);
            assertThat(channel).as("an AsyncAPI channel with address %s", topic).isNotNull();
            Map<String, Integer> newest = new TreeMap<>();
            files.keySet().forEach(file -> {
                Matcher name = SCHEMA_FILE.matcher(file);
                assertThat(name.matches()).as("schema file name %s/%s", topic, file).isTrue();
                newest.merge(name.group(1), Integer.parseInt(name.group(2)), Math::max);
            });
            assertThat(newest).as("event types with a schema on %s", topic).isNotEmpty();
            newest.forEach((type, version) -> {
                assertThat(channel.path("messages").has(type)).as("%s lists %s", topic, type).isTrue();
                JsonNode message = asyncApi.at("/components/messages/" + type);
                assertThat(message.at("/headers/$ref").asText()).isEqualTo("#/components/schemas/CloudEventsHeaders");
                assertThat(message.at("/bindings/kafka/key/type").asText()).as("%s key", type).isEqualTo("string");
                assertThat(message.at("/payload/allOf/1/properties/data/$ref").asText())
                        .as("%s payload schema", type).isEqualTo("schemas/" + topic + "/" + type + ".v" + version + ".json");
            });
        });
    }

    @Test
    void a_released_schema_version_keeps_its_meaning() {
        List<String> broken = new ArrayList<>();
        currentSchemas().forEach((topic, current) -> {
            Map<String, Path> released = files(RELEASED.resolve(topic));
            assertThat(released).as("released schemas of %s in %s", topic, RELEASED).isNotEmpty();
            released.forEach((file, releasedFile) -> {
                Path now = current.get(file);
                if (now == null) {
                    broken.add(topic + "/" + file + " was released and is gone: consumers may still receive it");
                } else if (!meaning(now).equals(meaning(releasedFile))) {
                    broken.add(topic + "/" + file + " differs from its released copy: add " + nextVersion(file)
                            + " with an upcaster instead (only title/description/examples may change)");
                }
            });
        });
        assertThat(broken).isEmpty();
    }

    @Test
    void every_schema_is_released_or_a_newer_version_of_a_released_type() {
        currentSchemas().forEach((topic, current) -> {
            Map<String, Path> released = files(RELEASED.resolve(topic));
            current.keySet().stream().filter(file -> !released.containsKey(file)).forEach(file -> {
                Matcher name = SCHEMA_FILE.matcher(file);
                assertThat(name.matches()).isTrue();
                int version = Integer.parseInt(name.group(2));
                // a new version is fine before its release; a new type starts unreleased at v1
                assertThat(version == 1 || released.containsKey(name.group(1) + ".v" + (version - 1) + ".json"))
                        .as("%s/%s follows a released version", topic, file).isTrue();
            });
        });
    }

    private static String nextVersion(String file) {
        Matcher name = SCHEMA_FILE.matcher(file);
        return name.matches() ? name.group(1) + ".v" + (Integer.parseInt(name.group(2)) + 1) + ".json" : file;
    }

    private static JsonNode channelOf(JsonNode asyncApi, String topic) {
        for (JsonNode channel : asyncApi.path("channels")) {
            if (topic.equals(channel.path("address").asText())) {
                return channel;
            }
        }
        return null;
    }

    /** The schema without the annotations that do not constrain data (compared as a JSON tree, so formatting is free). */
    private JsonNode meaning(Path file) {
        try {
            JsonNode schema = json.readTree(file.toFile());
            strip(schema, false);
            return schema;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the annotations of a schema; {@code names}: the node's keys are property names, not keywords. */
    private static void strip(JsonNode node, boolean names) {
        if (node instanceof ObjectNode object) {
            if (!names) {
                object.remove(ANNOTATIONS);
            }
            object.fields().forEachRemaining(field -> {
                boolean data = !names && DATA_KEYWORDS.contains(field.getKey());
                if (!data) {
                    strip(field.getValue(), !names && NAMED_KEYWORDS.contains(field.getKey()));
                }
            });
        } else if (node != null && node.isArray()) {
            node.forEach(item -> strip(item, false));
        }
    }

    private static Map<String, Path> files(Path dir) {
        Map<String, Path> files = new TreeMap<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> list = Files.list(dir)) {
                list.filter(file -> file.toString().endsWith(".json"))
                        .forEach(file -> files.put(file.getFileName().toString(), file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }
}
