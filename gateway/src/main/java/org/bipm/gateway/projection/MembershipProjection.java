package org.bipm.gateway.projection;

import org.bipm.platform.kernel.eventstore.RecordedEvent;

/**
 * {@code bipm.membership.v1}: one row per fact with the participant as it stood from that
 * effective date, so "as of D" is the latest row per participant dated on or before D.
 */
final class MembershipProjection implements ServiceProjection {

    private record Participant(String name, String category, String status, String rmo) {
        static final Participant NONE = new Participant(null, null, null, null);
    }

    @Override
    public Feed apply(Tables tables, RecordedEvent event) {
        String code = event.streamId();
        Participant before = tables.one(
                "select name, category, status, rmo from {s}.membership_facts where code = ? order by version desc limit 1",
                row -> new Participant(row.getString("name"), row.getString("category"), row.getString("status"), row.getString("rmo")),
                code).orElse(Participant.NONE);
        Participant after = switch (event.type()) {
            case "AssociateAdmitted" -> new Participant(Fields.required(event, "name"), Fields.required(event, "category"),
                    "ACTIVE", before.rmo());
            case "AccededToConvention" -> new Participant(orElse(Fields.text(event.data(), "name"), before.name()),
                    "MEMBER_STATE", "ACTIVE", before.rmo());
            case "RmoAffiliationChanged" -> new Participant(before.name(), before.category(), before.status(),
                    Fields.required(event, "rmo"));
            case "ParticipantSuspended" -> withStatus(before, "SUSPENDED");
            case "ParticipantReinstated" -> withStatus(before, "ACTIVE");
            case "ParticipantWithdrew" -> withStatus(before, "WITHDRAWN");
            case "ParticipantExcluded" -> withStatus(before, "EXCLUDED");
            default -> before; // CIPM MRA signature, designated institutes: history only
        };
        tables.update("insert into {s}.membership_facts (code, version, effective_date, event_type, name, category, status, rmo) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
                code, event.version(), event.effectiveDate(), event.type(), after.name(), after.category(), after.status(), after.rmo());
        return new Feed(code, ServiceProjection.line(event.type(), code, after.name(), detail(event, after)));
    }

    /** What the feed line adds to the type and the participant: the new RMO; where an accession came from. */
    private static String detail(RecordedEvent event, Participant after) {
        return switch (event.type()) {
            case "RmoAffiliationChanged" -> after.rmo();
            case "AccededToConvention" -> Boolean.TRUE.equals(Fields.bool(event.data(), "fromAssociate")) ? "from Associate" : null;
            default -> null;
        };
    }

    private static Participant withStatus(Participant before, String status) {
        return new Participant(before.name(), before.category(), status, before.rmo());
    }

    private static String orElse(String value, String fallback) {
        return value != null ? value : fallback;
    }
}
