package org.bipm.liaison.domain;

import java.time.LocalDate;
import java.util.List;
import org.bipm.platform.kernel.domain.DatePrecision;
import org.bipm.platform.kernel.domain.DomainEvent;

/**
 * The facts of a liaison's life. Each has its effective date, how precisely it is known, and
 * whether the source states it at all: when {@code dateStated} is false the source gives no date
 * and {@code effectiveDate} is the date by which the fact had happened.
 */
public sealed interface LiaisonEvent extends DomainEvent {

    DatePrecision datePrecision();

    boolean dateStated();

    record LiaisonProposed(Partner partner, LiaisonKind kind, String subject, String note,
                           LocalDate effectiveDate, DatePrecision datePrecision, boolean dateStated) implements LiaisonEvent {
    }

    /** The CIPM authorized the liaison work; it does so case by case. */
    record LiaisonAuthorized(String decisionReference, String note,
                             LocalDate effectiveDate, DatePrecision datePrecision, boolean dateStated) implements LiaisonEvent {
    }

    /** Signed, admitted or granted: the liaison is in force. {@code reviewDue} may be absent. */
    record LiaisonFormalized(List<String> signatories, LocalDate reviewDue, String note,
                             LocalDate effectiveDate, DatePrecision datePrecision, boolean dateStated) implements LiaisonEvent {
    }

    /** Renewed or reaffirmed, with the next review date when one is set. */
    record LiaisonRenewed(LocalDate reviewDue, String note,
                          LocalDate effectiveDate, DatePrecision datePrecision, boolean dateStated) implements LiaisonEvent {
    }

    /** {@code replaces} is the previous focal point, null for the first nomination. */
    record FocalPointNominated(String focalPoint, String replaces, String note,
                               LocalDate effectiveDate, DatePrecision datePrecision, boolean dateStated) implements LiaisonEvent {
    }

    record WorkingGroupRoleRecorded(String workingGroup, String role, String note,
                                    LocalDate effectiveDate, DatePrecision datePrecision, boolean dateStated) implements LiaisonEvent {
    }

    record LiaisonEnded(Ending ending, String reason,
                        LocalDate effectiveDate, DatePrecision datePrecision, boolean dateStated) implements LiaisonEvent {
    }
}
