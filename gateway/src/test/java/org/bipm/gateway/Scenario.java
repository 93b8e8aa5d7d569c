package org.bipm.gateway;

import static org.bipm.gateway.TestEvents.CBKT;
import static org.bipm.gateway.TestEvents.LIAISON;
import static org.bipm.gateway.TestEvents.MEMBERSHIP;
import static org.bipm.gateway.TestEvents.WMD;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One small world on all four topics, with names of its own: a country that becomes an Associate,
 * joins EURAMET and accedes (that accession at schema version 1); a liaison signed with a review date;
 * a workshop with two applications from that country; a World Metrology Day edition (in a far year of
 * its own) with a theme, two translations and two celebrations in the country, one of them cancelled.
 */
public record Scenario(String run, String country, String liaison, String partner, String activity, int year, String wmdStream) {

    public static Scenario publish(TestEvents events) {
        String run = TestEvents.unique();
        int year = 2200 + (int) (Math.random() * 7000);
        Scenario s = new Scenario(run, "Z" + run, "L-" + run, "ORG" + run, "A-" + run, year, "WMD-" + year);

        events.publish(MEMBERSHIP, s.country, "AssociateAdmitted", LocalDate.of(2019, 5, 20),
                events.data("name", "Land " + run, "category", "ASSOCIATE_STATE", "composition", List.of(),
                        "datePrecision", "DAY", "source", "test"));
        events.publish(MEMBERSHIP, s.country, "RmoAffiliationChanged", LocalDate.of(2019, 5, 20),
                events.data("rmo", "EURAMET", "datePrecision", "DAY", "source", "test"));
        // at schema version 1, as published before AccededToConvention v2: upcast on reading (fromAssociate = true)
        events.publish(MEMBERSHIP, s.country, "AccededToConvention", LocalDate.of(2022, 1, 1),
                events.data("name", "Land " + run, "previousCategory", "ASSOCIATE_STATE", "datePrecision", "YEAR", "source", "test"));

        events.publish(LIAISON, s.liaison, "LiaisonProposed", LocalDate.of(2020, 3, 1),
                events.data("partner", Map.of("acronym", s.partner, "fullName", "Organization " + run),
                        "kind", "MEMORANDUM_OF_UNDERSTANDING", "subject", "digital calibration certificates",
                        "datePrecision", "DAY"));
        events.publish(LIAISON, s.liaison, "LiaisonAuthorized", LocalDate.of(2020, 6, 1),
                events.data("decisionReference", "CIPM/2020-07", "datePrecision", "MONTH"));
        events.publish(LIAISON, s.liaison, "LiaisonFormalized", LocalDate.of(2020, 9, 1),
                events.data("signatories", List.of("BIPM", s.partner), "reviewDue", year + "-08-01", "datePrecision", "DAY"));

        events.publish(CBKT, s.activity, "ActivityCreated", LocalDate.of(2023, 1, 10),
                events.data("activityId", s.activity, "details", Map.of("title", "Workshop " + run, "type", "WORKSHOP"),
                        "schedule", Map.of("startDate", "2023-09-12", "endDate", "2023-09-14"), "datePrecision", "DAY"));
        events.publish(CBKT, s.activity, "ActivityPublished", LocalDate.of(2023, 1, 11), events.data("datePrecision", "DAY"));
        events.publish(CBKT, s.activity, "ApplicationAccepted", LocalDate.of(2023, 2, 1),
                events.data("applicationId", "APP-1-" + run, "funded", true, "nomination", nomination(s, "PERSON-1-" + run)));
        events.publish(CBKT, s.activity, "ApplicationWaitlisted", LocalDate.of(2023, 2, 2),
                events.data("applicationId", "APP-2-" + run, "reason", "RMO_QUOTA_FULL", "nomination", nomination(s, "PERSON-2-" + run)));

        LocalDate announced = LocalDate.of(year, 1, 1);
        events.publish(WMD, s.wmdStream, "EditionAnnounced", announced, events.data("year", year, "datePrecision", "YEAR"));
        events.publish(WMD, s.wmdStream, "ThemeSet", announced, events.data("theme", "Measurement " + run, "datePrecision", "DAY"));
        events.publish(WMD, s.wmdStream, "PosterTranslationPublished", LocalDate.of(year, 4, 1), events.data("language", "fr"));
        events.publish(WMD, s.wmdStream, "PosterTranslationPublished", LocalDate.of(year, 4, 2), events.data("language", "es"));
        events.publish(WMD, s.wmdStream, "CelebrationRegistered", LocalDate.of(year, 4, 3), events.data(
                "celebrationId", 1, "organizer", "Institute " + run, "countryCode", s.country, "city", "Capital",
                "online", false, "date", year + "-05-20", "title", "Open day"));
        events.publish(WMD, s.wmdStream, "CelebrationRegistered", LocalDate.of(year, 4, 4), events.data(
                "celebrationId", 2, "organizer", "Institute " + run, "countryCode", s.country, "online", true,
                "date", year + "-05-20", "title", "Webinar"));
        events.publish(WMD, s.wmdStream, "CelebrationCancelled", LocalDate.of(year, 5, 1),
                events.data("celebrationId", 2, "reason", "speaker unavailable"));
        return s;
    }

    /** Who applied, as the cbkt topic carries it: name and e-mail only sealed. */
    public static Map<String, Object> nomination(Scenario s, String person) {
        return Map.of("applicant", Map.of("personRef", person, "sealedName", SEALED, "sealedEmail", SEALED,
                        "institute", "Institute " + s.run, "country", s.country),
                "rmo", "EURAMET", "fundingRequested", true, "countryEligibleForFunding", true);
    }

    /** Stands for the ciphertext of a name: it must never reach the gateway's read models. */
    public static final String SEALED = "c2VhbGVkLW5hbWU";

    /** Names the last event of every stream of the scenario: a read carrying it sees all of them. */
    public String consistencyToken(TestEvents events) {
        return "membership:" + events.version(MEMBERSHIP, country) + ":" + country
                + ", liaison:" + events.version(LIAISON, liaison) + ":" + liaison
                + ", cbkt:" + events.version(CBKT, activity) + ":" + activity
                + ", wmd:" + events.version(WMD, wmdStream) + ":" + wmdStream;
    }
}
