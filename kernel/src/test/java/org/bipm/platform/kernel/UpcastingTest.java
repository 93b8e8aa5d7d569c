package org.bipm.platform.kernel;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.bipm.platform.kernel.security.Roles;
import org.bipm.platform.testing.PlatformStack;
import org.bipm.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * A service reads its own store through the same upcasters as its consumers read the topic
 * ({@code IdempotentConsumerTest}): an event stored at an old schema version, long before the
 * current code, still folds into the state and the next command is decided on it.
 */
@QuarkusTest
@WithTestResource(PlatformStack.class)
class UpcastingTest {

    @Inject
    DataSource dataSource;

    @Test
    void an_event_stored_at_an_old_schema_version_is_read_at_the_current_one() throws SQLException {
        String id = "old-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.forRole(Roles.PLATFORM_ADMIN)).contentType(ContentType.JSON)
                .body("{\"name\":\"t\",\"effectiveDate\":\"2020-01-01\"}").put("/tallies/" + id).then().statusCode(201);
        // Counted v1, as an older release stored it: the amount was called "count"
        storeOldEvent(id, 2, "Counted", 1, "{\"count\":5,\"effectiveDate\":\"2020-02-01\"}");

        given().get("/tallies/" + id).then().statusCode(200).header("ETag", "\"2\"").body("total", equalTo(5));
        given().auth().oauth2(Tokens.forRole(Roles.PLATFORM_ADMIN)).contentType(ContentType.JSON)
                .body("{\"amount\":2,\"effectiveDate\":\"2020-03-01\"}").post("/tallies/" + id + "/counts")
                .then().statusCode(200).header("ETag", "\"3\"");
        given().get("/tallies/" + id).then().statusCode(200).body("total", equalTo(7));
    }

    private void storeOldEvent(String stream, long version, String type, int schemaVersion, String data) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     insert into events (event_id, stream_id, version, type, schema_version, effective_date, recorded_at, data, metadata)
                     values (?, ?, ?, ?, ?, date '2020-02-01', now(), ?::jsonb, '{"actor":"an older release"}'::jsonb)""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, stream);
            insert.setLong(3, version);
            insert.setString(4, type);
            insert.setInt(5, schemaVersion);
            insert.setString(6, data);
            insert.executeUpdate();
        }
    }
}
