package org.bipm.gateway.projection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.bipm.gateway.Scenario;
import org.bipm.gateway.TestEvents;
import org.bipm.gateway.routing.EchoService;
import org.bipm.platform.kernel.security.Roles;
import org.bipm.platform.testing.PlatformStack;
import org.bipm.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformStack.class)
@WithTestResource(EchoService.class)
class RebuildTest {

    @Inject
    ObjectMapper json;

    @Inject
    DataSource dataSource;

    @Test
    void only_a_platform_admin_may_rebuild() {
        given().post("/api/admin/rebuild").then().statusCode(401);
        given().auth().oauth2(Tokens.forRole(Roles.LIAISON_OFFICER)).post("/api/admin/rebuild").then().statusCode(403);
        given().auth().oauth2(Tokens.forRole(Roles.LIAISON_OFFICER)).get("/api/admin/rebuild").then().statusCode(403);
    }

    @Test
    void a_rebuild_from_offset_zero_equals_the_live_read_models_and_keeps_serving_meanwhile() throws Exception {
        Scenario s;
        try (TestEvents events = new TestEvents(json)) {
            s = Scenario.publish(events);
            String token = s.consistencyToken(events);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    given().header("Consistency-Token", token).get("/api/activity").then().statusCode(200));
        }
        Map<String, List<String>> live = rowsOf(s);
        // the scenario's accession is at schema version 1: live and rebuilt read models both see it upcast
        assertThat(live.get("activity")).anyMatch(row -> row.contains("type=AccededToConvention") && row.contains("· from Associate"));
        long liveEvents = given().get("/api/activity?size=1").jsonPath().getLong("total");

        String admin = Tokens.forRole(Roles.PLATFORM_ADMIN);
        given().auth().oauth2(admin).post("/api/admin/rebuild").then().statusCode(202);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            // the live read models answer throughout
            given().get("/api/countries/" + s.country()).then().statusCode(200);
            given().auth().oauth2(admin).get("/api/admin/rebuild").then().statusCode(200).body("state", equalTo("DONE"));
        });

        JsonPath progress = given().auth().oauth2(admin).get("/api/admin/rebuild").jsonPath();
        assertThat(progress.getLong("total")).isGreaterThanOrEqualTo(liveEvents);
        assertThat(progress.getLong("done")).isGreaterThanOrEqualTo(progress.getLong("total"));
        assertThat(progress.getDouble("eventsPerSecond")).isPositive();
        assertThat(rowsOf(s)).isEqualTo(live);
        assertThat(given().get("/api/activity?size=1").jsonPath().getLong("total")).isGreaterThanOrEqualTo(liveEvents);
    }

    /** Every read-model row of the scenario's streams, table by table. */
    private Map<String, List<String>> rowsOf(Scenario s) throws Exception {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("activity", "stream_id in ('%1$s', '%2$s', '%3$s', '%4$s')");
        filters.put("stream_versions", "stream_id in ('%1$s', '%2$s', '%3$s', '%4$s')");
        filters.put("membership_facts", "code = '%1$s'");
        filters.put("liaison_facts", "liaison_id = '%2$s'");
        filters.put("cbkt_activities", "activity_id = '%3$s'");
        filters.put("cbkt_applications", "activity_id = '%3$s'");
        filters.put("wmd_editions", "year = %5$d");
        filters.put("wmd_translations", "year = %5$d");
        filters.put("wmd_celebrations", "year = %5$d");
        Map<String, List<String>> rows = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            for (var table : filters.entrySet()) {
                String where = table.getValue().formatted(s.country(), s.liaison(), s.activity(), s.wmdStream(), s.year());
                try (ResultSet result = connection.createStatement().executeQuery(
                        "select * from read_model." + table.getKey() + " where " + where + " order by 1, 2")) {
                    List<String> lines = new ArrayList<>();
                    while (result.next()) {
                        StringBuilder line = new StringBuilder();
                        for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                            line.append(result.getMetaData().getColumnName(i)).append('=').append(result.getString(i)).append(' ');
                        }
                        lines.add(line.toString());
                    }
                    assertThat(lines).as(table.getKey()).isNotEmpty();
                    rows.put(table.getKey(), lines);
                }
            }
        }
        return rows;
    }
}
