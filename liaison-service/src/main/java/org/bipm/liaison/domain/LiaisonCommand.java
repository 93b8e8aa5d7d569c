package org.bipm.liaison.domain;

import java.time.LocalDate;
import java.util.List;
import org.bipm.platform.kernel.domain.DatePrecision;

/** What a liaison officer asks of a liaison; every command states when its fact took effect, as {@link LiaisonEvent} does. */
public sealed interface LiaisonCommand permits LiaisonCommand.ProposeLiaison, LiaisonCommand.Update {

    LocalDate effectiveDate();

    DatePrecision datePrecision();

    boolean dateStated();

    /** Every command but the proposal: it changes a liaison that exists. */
    sealed interface Update extends LiaisonCommand {
    }

    record ProposeLiaison(Partner partner, LiaisonKind kind, String subject, String note,
                          LocalDate effectiveDate, DatePrecision datePrecision, boolean dateStated) implements LiaisonCommand {
    }

    record AuthorizeLiaison(String decisionReference, String note,
                            LocalDate effectiveDate, DatePrecision datePrecision, boolean dateStated) implements Update {
    }

    record FormalizeLiaison(List<String> signatories, LocalDate reviewDue, String note,
                            LocalDate effectiveDate, DatePrecision datePrecision, boolean dateStated) implements Update {
    }

    record RenewLiaison(LocalDate reviewDue, String note,
                        LocalDate effectiveDate, DatePrecision datePrecision, boolean dateStated) implements Update {
    }

    record NominateFocalPoint(String focalPoint, String note,
                              LocalDate effectiveDate, DatePrecision datePrecision, boolean dateStated) implements Update {
    }

    record RecordWorkingGroupRole(String workingGroup, String role, String note,
                                  LocalDate effectiveDate, DatePrecision datePrecision, boolean dateStated) implements Update {
    }

    record EndLiaison(Ending ending, String reason,
                      LocalDate effectiveDate, DatePrecision datePrecision, boolean dateStated) implements Update {
    }
}
