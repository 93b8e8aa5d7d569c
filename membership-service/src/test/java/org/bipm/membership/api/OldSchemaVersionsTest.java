package org.bipm.membership.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.bipm.platform.kernel.security.Roles;
import org.bipm.platform.testing.PlatformStack;
import org.bipm.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * A participant's stream written by an older release, before AccededToConvention moved to schema
 * version 2: the service reads it through the shared upcasters, so its state, its history and the
 * next command are as if the accession had been written at version 2.
 */
@QuarkusTest
@WithTestResource(PlatformStack.class)
class OldSchemaVersionsTest {

    @Inject
    DataSource dataSource;

    @Test
    void an_accession_stored_at_schema_version_1_is_read_as_version_2_and_the_next_command_is_decided_on_it() throws SQLException {
        String code = "V" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(Locale.ROOT);
        store(code, 1, "AssociateAdmitted", "2001-05-20", """
                {"name": "Old Land", "category": "ASSOCIATE_STATE", "composition": [], "effectiveDate": "2001-05-20",
                 "datePrecision": "DAY", "source": "an older release"}""");
        store(code, 2, "CipmMraSigned", "2002-01-01", """
                {"effectiveDate": "2002-01-01", "datePrecision": "YEAR", "source": "an older release"}""");
        // v1: from Associate status, told by previousCategory
        store(code, 3, "AccededToConvention", "2010-03-01", """
                {"name": "Old Land", "previousCategory": "ASSOCIATE_STATE", "effectiveDate": "2010-03-01",
                 "datePrecision": "MONTH", "source": "an older release"}""");

        // from Associate status: a Member State that keeps its CIPM MRA signature (a new participant would not)
        given().get("/api/membership/participants/" + code).then().statusCode(200).header("ETag", "\"3\"")
                .body("category", equalTo("MEMBER_STATE"))
                .body("mraSignedOn", equalTo("2002-01-01"));
        given().get("/api/membership/participants/" + code + "/history").then().statusCode(200)
                .body("type", equalTo(List.of("AssociateAdmitted", "CipmMraSigned", "AccededToConvention")))
                .body("[2].data.fromAssociate", equalTo(true))
                .body("[2].data", not(org.hamcrest.Matchers.hasKey("previousCategory")));

        // designating an institute needs the signature the v1 accession kept
        given().auth().oauth2(Tokens.forRole(Roles.MEMBERSHIP_OFFICER)).contentType(ContentType.JSON)
                .body("""
                        {"name": "Old Land Metrology Institute", "kind": "NMI", "effectiveDate": "2011-01-01"}""")
                .post("/api/membership/participants/" + code + "/designated-institutes")
                .then().statusCode(200).header("ETag", "\"4\"");
        given().queryParam("category", "MEMBER_STATE").get("/api/membership/participants")
                .then().statusCode(200).body("code", hasItem(code));
    }

    /** An event row as an older release stored it (already published: no outbox row). */
    private void store(String stream, long version, String type, String effectiveDate, String data) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     insert into events (event_id, stream_id, version, type, schema_version, effective_date, recorded_at, data, metadata)
                     values (?, ?, ?, ?, 1, ?::date, now(), ?::jsonb, '{"actor": "an older release"}'::jsonb)""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, stream);
            insert.setLong(3, version);
            insert.setString(4, type);
            insert.setString(5, effectiveDate);
            insert.setString(6, data);
            insert.executeUpdate();
        }
    }
}
