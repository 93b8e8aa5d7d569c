package org.bipm.cbkt.projection;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.bipm.platform.kernel.eventstore.RecordedEvent;
import org.bipm.platform.kernel.messaging.PoisonRecord;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Who may be funded: participants whose country is a Member State or an Associate on the application
 * date, learnt from the membership topic into effective-dated rows. A State inside an Associate Economy
 * (e.g. Barbados in CARICOM) is covered by the Economy's status. A suspended participant still takes part;
 * one that withdrew or was excluded no longer does from that date.
 */
@ApplicationScoped
public class FundingEligibility {

    private final DataSource dataSource;

    public FundingEligibility(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Schema(description = "Whether a country's participants may be funded on a date, and through which participant")
    public record Eligibility(String country, LocalDate on, boolean eligible,
                              @Schema(description = "MEMBER_STATE, ASSOCIATE_STATE, ASSOCIATE_ECONOMY, WITHDREW or EXCLUDED; absent when never a participant")
                              String status,
                              @Schema(description = "the participant whose status counts: the country itself or its Associate Economy, e.g. CARICOM")
                              String through) {
    }

    /** The country's own latest status on the date, or its Economy's when that one makes it eligible. */
    public Eligibility on(String country, LocalDate date) {
        return Sql.query(dataSource, """
                        select participant, status, eligible from (
                          select distinct on (participant) participant, status, eligible
                            from membership_facts
                           where effective_date <= ?
                             and (participant = ? or participant in (select economy from economy_constituents where code = ?))
                           order by participant, effective_date desc, version desc) latest
                        order by eligible desc, participant = ? desc
                        limit 1""",
                        row -> new Eligibility(country, date, row.getBoolean(3), row.getString(2), row.getString(1)),
                        date, country, country, country)
                .stream().findFirst().orElse(new Eligibility(country, date, false, null, null));
    }

    /** Applies one membership event (in the consumer's transaction); facts that do not change participation are ignored. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(RecordedEvent event) {
        JsonNode data = event.data();
        switch (event.type()) {
            case "AssociateAdmitted" -> {
                String category = data.path("category").asText("");
                if (!category.equals("ASSOCIATE_STATE") && !category.equals("ASSOCIATE_ECONOMY")) {
                    throw new PoisonRecord("AssociateAdmitted " + event.eventId() + " has no Associate category: '" + category + "'");
                }
                record(event, category, true);
                for (JsonNode constituent : data.path("composition")) {
                    String code = constituent.path("code").asText("");
                    if (code.isBlank()) {
                        throw new PoisonRecord("AssociateAdmitted " + event.eventId() + " lists a constituent without a code");
                    }
                    Sql.update(dataSource, """
                                    insert into economy_constituents (economy, code, name) values (?, ?, ?)
                                    on conflict (economy, code) do update set name = excluded.name""",
                            event.streamId(), code, constituent.path("name").asText(null));
                }
            }
            case "AccededToConvention" -> record(event, "MEMBER_STATE", true);
            case "ParticipantWithdrew" -> record(event, "WITHDREW", false);
            case "ParticipantExcluded" -> record(event, "EXCLUDED", false);
            default -> {
                // RMO changes, suspensions (still participating), reinstatements, MRA signatures, designations
            }
        }
    }

    private void record(RecordedEvent event, String status, boolean eligible) {
        Sql.update(dataSource, """
                        insert into membership_facts (participant, version, effective_date, status, eligible)
                        values (?, ?, ?, ?, ?) on conflict (participant, version) do nothing""",
                event.streamId(), event.version(), event.effectiveDate(), status, eligible);
    }
}
