package org.bipm.membership.projection;

import java.time.LocalDate;
import java.util.List;
import org.bipm.membership.domain.Category;
import org.bipm.membership.domain.Constituent;
import org.bipm.membership.domain.DesignatedInstitute;
import org.bipm.membership.domain.Participant;
import org.bipm.membership.domain.Status;
import org.bipm.platform.kernel.domain.Rmo;

/** A participant as the API shows it, now or as of a date. */
public record ParticipantView(String code, String name, Category category, Status status, Rmo rmo,
                              List<Constituent> composition, LocalDate mraSignedOn,
                              List<DesignatedInstitute> designatedInstitutes, LocalDate latestFactDate) {

    public static ParticipantView of(String code, Participant.Known participant) {
        return new ParticipantView(code, participant.name(), participant.category(), participant.status(), participant.rmo(),
                participant.composition(), participant.mraSignedOn(), participant.designatedInstitutes(),
                participant.latestFact());
    }
}
