package org.bipm.cbkt;

import static io.restassured.RestAssured.given;
import static org.bipm.cbkt.CbktFixtures.admission;
import static org.bipm.cbkt.CbktFixtures.membershipEvent;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bipm.platform.testing.PlatformStack;
import org.junit.jupiter.api.Test;

/**
 * bipm.membership.v1 carries AccededToConvention at schema version 1 (written before version 2) and 2:
 * cbkt's consumer reads both through the shared upcasters and learns the same membership from them.
 */
@QuarkusTest
@WithTestResource(PlatformStack.class)
class MembershipUpcastingTest {

    /** User-assigned ISO 3166 codes no other test uses. */
    private static final String OLD = "XB";
    private static final String NEW = "XC";

    @Test
    void an_accession_published_at_schema_version_1_is_applied_like_one_at_version_2() throws Exception {
        CbktFixtures.sql("delete from membership_facts where participant in (?, ?)", OLD, NEW);
        LocalDate admitted = LocalDate.of(2015, 5, 20);
        LocalDate acceded = LocalDate.of(2020, 1, 1);

        CbktFixtures.produceMembership(List.of(
                new String[] {OLD, membershipEvent(OLD, 1, "AssociateAdmitted", admitted,
                        admission("Old Land", "ASSOCIATE_STATE", admitted, List.of()))},
                new String[] {OLD, membershipEvent(OLD, 2, "AccededToConvention", acceded,
                        accession("Old Land", acceded, "previousCategory", "ASSOCIATE_STATE"))},
                new String[] {NEW, membershipEvent(NEW, 1, "AssociateAdmitted", admitted,
                        admission("New Land", "ASSOCIATE_STATE", admitted, List.of()))},
                new String[] {NEW, atSchemaVersion2(membershipEvent(NEW, 2, "AccededToConvention", acceded,
                        accession("New Land", acceded, "fromAssociate", true)))}));

        for (String country : List.of(OLD, NEW)) {
            CbktFixtures.awaitEligibility(country, acceded, true);
            eligibility(country, acceded).body("status", equalTo("MEMBER_STATE")).body("through", equalTo(country));
            eligibility(country, acceded.minusDays(1)).body("eligible", equalTo(true)).body("status", equalTo("ASSOCIATE_STATE"));
        }
    }

    private static io.restassured.response.ValidatableResponse eligibility(String country, LocalDate on) {
        return given().queryParam("date", on.toString()).get("/api/cbkt/funding-eligibility/{c}", country).then().statusCode(200);
    }

    private static Map<String, Object> accession(String name, LocalDate on, String origin, Object value) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", name);
        data.put(origin, value);
        data.put("effectiveDate", on.toString());
        data.put("datePrecision", "DAY");
        data.put("source", "test");
        return data;
    }

    private static String atSchemaVersion2(String event) throws Exception {
        ObjectNode node = (ObjectNode) CbktFixtures.JSON.readTree(event);
        node.put("schemaVersion", 2);
        return CbktFixtures.JSON.writeValueAsString(node);
    }
}
