package org.bipm.gateway.projection;

import java.time.LocalDate;
import org.bipm.platform.kernel.eventstore.RecordedEvent;
import org.bipm.platform.kernel.messaging.PoisonRecord;

/**
 * {@code bipm.liaison.v1}: one row per fact with the liaison as it then stood (partner, kind,
 * lifecycle status, review due date). The status follows the lifecycle fact named by the type.
 */
final class LiaisonProjection implements ServiceProjection {

    private record Liaison(String partner, String kind, String subject, String status, LocalDate reviewDue) {
        static final Liaison NONE = new Liaison(null, null, null, null, null);
    }

    @Override
    public Feed apply(Tables tables, RecordedEvent event) {
        String id = event.streamId();
        Liaison before = tables.one(
                "select partner, kind, subject, status, review_due from {s}.liaison_facts where liaison_id = ? order by version desc limit 1",
                row -> new Liaison(row.getString("partner"), row.getString("kind"), row.getString("subject"),
                        row.getString("status"), Tables.date(row, "review_due")),
                id).orElse(Liaison.NONE);
        String partner = first(Fields.text(event.data(), "partner", "partnerAcronym"), before.partner());
        String kind = first(Fields.text(event.data(), "kind"), before.kind());
        if (partner == null || kind == null) {
            throw new PoisonRecord(event.type() + " " + event.eventId() + ": liaison " + id + " has no partner or kind");
        }
        Liaison after = new Liaison(partner, kind,
                first(Fields.text(event.data(), "subject", "title"), before.subject()),
                first(status(event), before.status()),
                first(Fields.date(event, "reviewDueDate", "reviewDue", "newReviewDueDate", "reviewDate"), before.reviewDue()));
        tables.update("insert into {s}.liaison_facts (liaison_id, version, effective_date, event_type, partner, kind, subject, status, review_due) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
                id, event.version(), event.effectiveDate(), event.type(), after.partner(), after.kind(), after.subject(),
                after.status(), after.reviewDue());
        return new Feed(null, ServiceProjection.line(event.type(), after.partner(), after.kind()));
    }

    /** The lifecycle stage a fact moves the liaison to; null for facts that leave it where it is (focal points, roles). */
    static String status(RecordedEvent event) {
        String type = event.type();
        if (type.endsWith("Ended")) {
            return first(Fields.text(event.data(), "ending"), "TERMINATED");
        }
        if (type.endsWith("Proposed")) {
            return "PROPOSED";
        }
        if (type.contains("Authorized") || type.contains("Authorised")) {
            return "AUTHORIZED";
        }
        if (type.contains("Signed") || type.contains("Formalized") || type.contains("Renewed") || type.contains("Reaffirmed")) {
            return "ACTIVE";
        }
        if (type.contains("Terminated") || type.contains("Expired")) {
            return "TERMINATED";
        }
        return null;
    }

    private static <T> T first(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
