package org.bipm.cbkt;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.bipm.cbkt.CbktFixtures.COORDINATOR;
import static org.bipm.cbkt.CbktFixtures.application;
import static org.bipm.cbkt.CbktFixtures.apply;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.bipm.cbkt.domain.Person;
import org.bipm.platform.testing.PlatformStack;
import org.bipm.platform.testing.TopicProbe;
import org.bipm.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

/** Crypto-shredding: after erasure a participant's name and e-mail are nowhere to be recovered; the counts stay. */
@QuarkusTest
@WithTestResource(PlatformStack.class)
class ErasureTest {

    @Test
    void erasure_leaves_the_name_and_email_in_no_table_and_no_record_while_counts_stay() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String name = "Grace Erasable" + unique;
        String email = "grace.erasable." + unique + "@example.org";
        String sim = Tokens.rmoSecretariat("SIM");
        String activity;
        String personRef;
        List<ConsumerRecord<String, byte[]>> published;
        try (TopicProbe topic = TopicProbe.fromNow("bipm.cbkt.v1")) {
            activity = CbktFixtures.publishedActivity(30, 5, 3);
            personRef = apply(sim, activity, application(name, email, "KE", null, true)).then().statusCode(201)
                    .extract().path("personRef");
            given().auth().oauth2(COORDINATOR).get("/api/cbkt/activities/{id}/enrolments/A0001", activity).then()
                    .body("name", equalTo(name)).body("email", equalTo(email));
            // never in clear, even before erasure: only ciphertext in the store and the read model
            assertThat(CbktFixtures.tablesContaining(name, email)).isEmpty();
            assertThat(CbktFixtures.count("select count(*) from events where stream_id = ? and data::text like '%\"sealedName\": \"v1:%'", activity)).isOne();

            given().auth().oauth2(COORDINATOR).contentType(ContentType.JSON).body("{}")
                    .post("/api/cbkt/participants/{ref}/erasure", personRef).then().statusCode(403);
            given().auth().oauth2(Tokens.forRole("platform-admin")).contentType(ContentType.JSON).body("{}")
                    .post("/api/cbkt/participants/{ref}/erasure", personRef).then().statusCode(201)
                    .body("events[0].type", equalTo("PersonalDataErased"));
            published = topic.awaitKey(activity, 3);
            published = new ArrayList<>(published);
            published.addAll(topic.awaitKey(Person.streamId(personRef), 1));
        }

        // the key is gone, and with it every way to read the ciphertext that stays in events and on the topic
        assertThat(CbktFixtures.count("select count(*) from person_keys where person_ref = ?", personRef)).isZero();
        assertThat(CbktFixtures.tablesContaining(name, email)).isEmpty();
        for (ConsumerRecord<String, byte[]> record : published) {
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain(name).doesNotContain(email);
            for (Header header : record.headers()) {
                assertThat(new String(header.value(), StandardCharsets.UTF_8)).doesNotContain(name).doesNotContain(email);
            }
        }
        assertThat(published).extracting(r -> TopicProbe.header(r, "ce_type")).contains("bipm.cbkt.PersonalDataErased");

        given().auth().oauth2(COORDINATOR).get("/api/cbkt/activities/{id}/enrolments/A0001", activity).then().statusCode(200)
                .body("name", nullValue()).body("email", nullValue()).body("personalDataErased", equalTo(true))
                .body("standing", equalTo("ACCEPTED")).body("country", equalTo("KE"));
        given().get("/api/cbkt/activities/{id}", activity).then().body("counts.accepted", equalTo(1)).body("counts.byRmo.SIM.accepted", equalTo(1));
        given().auth().oauth2(Tokens.forRole("platform-admin")).contentType(ContentType.JSON).body("{}")
                .post("/api/cbkt/participants/{ref}/erasure", personRef).then().statusCode(409)
                .body("type", equalTo("urn:bipm:problem:personal-data-already-erased"));
        given().auth().oauth2(Tokens.forRole("platform-admin")).contentType(ContentType.JSON).body("{}")
                .post("/api/cbkt/participants/{ref}/erasure", UUID.randomUUID().toString()).then().statusCode(404)
                .body("type", equalTo("urn:bipm:problem:person-not-found"));

        // the same person applying again is a new person: a new key, readable again
        String again = CbktFixtures.publishedActivity(30, 5, 3);
        String newRef = apply(sim, again, application(name, email, "KE", null, false)).then().statusCode(201).extract().path("personRef");
        assertThat(newRef).isNotEqualTo(personRef);
    }
}
