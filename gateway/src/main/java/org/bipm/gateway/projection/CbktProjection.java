package org.bipm.gateway.projection;

import org.bipm.platform.kernel.eventstore.RecordedEvent;

/**
 * {@code bipm.cbkt.v1}: activities (title, type, year) and applications reduced to where they
 * come from (country, RMO) and their outcome. Personal fields are never read: on the topic they
 * are ciphertext or references, and the gateway has no use for them.
 */
final class CbktProjection implements ServiceProjection {

    @Override
    public Feed apply(Tables tables, RecordedEvent event) {
        String activity = first(Fields.text(event.data(), "activityId"), event.streamId());
        String application = Fields.text(event.data(), "applicationId");
        if (application != null) {
            // cbkt numbers applications within their activity (A0001, ...): the key must name both
            return application(tables, event, activity, activity + "/" + application);
        }
        if (!event.type().startsWith("Activity")) {
            return new Feed(null, ServiceProjection.line(event.type())); // e.g. a person's data erased: nothing to show
        }
        var start = Fields.date(event, "schedule/startDate", "startDate");
        Integer year = start != null ? Integer.valueOf(start.getYear())
                : event.type().equals("ActivityCreated") ? Integer.valueOf(event.effectiveDate().getYear()) : null;
        String title = Fields.text(event.data(), "details/title", "title");
        tables.update("insert into {s}.cbkt_activities (activity_id, title, activity_type, year) values (?, ?, ?, ?) "
                        + "on conflict (activity_id) do update set title = coalesce(excluded.title, cbkt_activities.title), "
                        + "activity_type = coalesce(excluded.activity_type, cbkt_activities.activity_type), "
                        + "year = coalesce(excluded.year, cbkt_activities.year)",
                activity, title, Fields.text(event.data(), "details/type", "activityType"), year);
        return new Feed(null, ServiceProjection.line(event.type(), activity, title));
    }

    /** An application reduced to its country, RMO, outcome and funding: the nominee's person reference and sealed fields stay out. */
    private static Feed application(Tables tables, RecordedEvent event, String activity, String application) {
        String country = Fields.text(event.data(), "nomination/applicant/country", "countryCode");
        String rmo = Fields.text(event.data(), "nomination/rmo", "rmo");
        Boolean funded = event.type().contains("WithoutFunding") ? Boolean.FALSE : Fields.bool(event.data(), "funded");
        String outcome = outcome(event.type());
        tables.update("insert into {s}.cbkt_applications (application_id, activity_id, country, rmo, outcome, funded, effective_date) "
                        + "values (?, ?, ?, ?, coalesce(?, 'APPLIED'), ?, ?) on conflict (application_id) do update set "
                        + "country = coalesce(excluded.country, cbkt_applications.country), "
                        + "rmo = coalesce(excluded.rmo, cbkt_applications.rmo), "
                        + "outcome = coalesce(?, cbkt_applications.outcome), "
                        + "funded = coalesce(excluded.funded, cbkt_applications.funded), "
                        + "effective_date = excluded.effective_date",
                application, activity, country, rmo, outcome, funded, event.effectiveDate(), outcome);
        String known = country != null ? country : tables.one("select country from {s}.cbkt_applications where application_id = ?",
                row -> row.getString(1), application).orElse(null);
        return new Feed(known, ServiceProjection.line(event.type(), activity, known, rmo));
    }

    /** The outcome a fact gives an application; null for facts that do not change it. */
    static String outcome(String type) {
        if (type.contains("Waitlisted")) {
            return "WAITLISTED";
        }
        if (type.contains("Refused") || type.contains("Rejected")) {
            return "REFUSED";
        }
        if (type.contains("Withdr") || type.contains("Cancelled")) {
            return "WITHDRAWN";
        }
        if (type.contains("Complet")) {
            return "COMPLETED";
        }
        if (type.contains("Accepted") || type.contains("Promoted")) {
            return "ACCEPTED";
        }
        return null;
    }

    private static String first(String value, String fallback) {
        return value != null ? value : fallback;
    }
}
