package org.bipm.cbkt;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.bipm.platform.testing.PlatformStack;
import org.bipm.platform.testing.Tokens;
import org.eclipse.microprofile.config.ConfigProvider;

/** What the cbkt tests share: activities made through the API, membership records on the test topic, SQL on cbkt_test. */
final class CbktFixtures {

    static final String COORDINATOR = Tokens.forRole("cbkt-coordinator");
    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private CbktFixtures() {
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Paris"));
    }

    static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A published workshop open for applications until today, starting today, with these quotas. */
    static String publishedActivity(Integer totalSeats, Integer seatsPerRmo, Integer fundedSeatsPerRmo) {
        String id = uniqueId("t");
        Map<String, Object> capacity = new LinkedHashMap<>();
        capacity.put("totalSeats", totalSeats);
        capacity.put("seatsPerRmo", seatsPerRmo);
        capacity.put("fundedSeatsPerRmo", fundedSeatsPerRmo);
        given().auth().oauth2(COORDINATOR).contentType(ContentType.JSON)
                .body(Map.of("id", id, "title", "Test workshop " + id, "type", "WORKSHOP", "delivery", "HYBRID",
                        "schedule", Map.of("startDate", today().toString(), "applicationDeadline", today().toString()),
                        "capacity", capacity, "fee", Map.of("amount", 0)))
                .post("/api/cbkt/activities").then().statusCode(201);
        given().auth().oauth2(COORDINATOR).contentType(ContentType.JSON).body("{}")
                .post("/api/cbkt/activities/{id}/publication", id).then().statusCode(200);
        return id;
    }

    static Map<String, Object> application(String name, String email, String country, String rmo, boolean funding) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("participant", Map.of("name", name, "email", email, "institute", "Test Metrology Institute", "country", country));
        if (rmo != null) {
            body.put("rmo", rmo);
        }
        body.put("fundingRequested", funding);
        return body;
    }

    static Response apply(String token, String activityId, Map<String, Object> application) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(application)
                .post("/api/cbkt/activities/{id}/applications", activityId);
    }

    // --- membership records, as membership-service publishes them ---------------------------------------

    static String membershipEvent(String code, long version, String type, LocalDate effectiveDate, Map<String, Object> data) {
        String eventId = UUID.randomUUID().toString();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", eventId);
        event.put("streamId", code);
        event.put("version", version);
        event.put("type", type);
        event.put("schemaVersion", 1);
        event.put("effectiveDate", effectiveDate.toString());
        event.put("recordedAt", Instant.now().toString());
        event.put("data", data);
        event.put("metadata", Map.of("actor", "test-membership-officer"));
        event.put("position", version);
        try {
            return JSON.writeValueAsString(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> admission(String name, String category, LocalDate date, List<Map<String, String>> composition) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", name);
        data.put("category", category);
        data.put("composition", composition);
        data.put("effectiveDate", date.toString());
        data.put("datePrecision", "DAY");
        data.put("source", "test");
        return data;
    }

    /** Sends records (key, value) to bipm.membership.v1 on the test broker, in order, and waits for the acknowledgements. */
    static void produceMembership(List<String[]> records) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, PlatformStack.bootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer())) {
            for (String[] record : records) {
                producer.send(new ProducerRecord<>("bipm.membership.v1", record[0], record[1].getBytes(StandardCharsets.UTF_8))).get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("producing membership records failed", e);
        }
    }

    static void awaitEligibility(String country, LocalDate on, boolean eligible) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().queryParam("date", on.toString()).get("/api/cbkt/funding-eligibility/{c}", country)
                        .then().statusCode(200).body("eligible", org.hamcrest.Matchers.is(eligible)));
    }

    // --- the test database ------------------------------------------------------------------------------

    static Connection database() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    static List<List<Object>> sql(String query, Object... values) {
        try (Connection connection = database(); PreparedStatement statement = connection.prepareStatement(query)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            if (!statement.execute()) {
                return List.of();
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.getResultSet()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        row.add(result.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(query, e);
        }
    }

    static long count(String query, Object... values) {
        return ((Number) sql(query, values).getFirst().getFirst()).longValue();
    }

    /** Tables of the cbkt database whose rows, as text, contain any of the texts (also as bytea hex). */
    static List<String> tablesContaining(String... texts) {
        List<String> found = new ArrayList<>();
        for (List<Object> table : sql("select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'")) {
            String name = (String) table.getFirst();
            for (String text : texts) {
                String hex = HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
                long rows = count("select count(*) from \"" + name + "\" t where t::text ilike ? or t::text ilike ?",
                        "%" + text + "%", "%" + hex + "%");
                if (rows > 0) {
                    found.add(name + " contains " + text);
                }
            }
        }
        return found;
    }
}
