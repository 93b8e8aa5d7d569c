package org.bipm.membership.domain;

import org.bipm.platform.kernel.domain.DatePrecision;
import java.time.LocalDate;
import java.util.List;

/**
 * What a membership officer asks to record about one participant ({@link #code()} = its stream).
 * Every command dates its fact: the day it took effect, how precisely that day is known (null = DAY),
 * and where the fact comes from.
 */
public sealed interface MembershipCommand {

    String code();

    LocalDate effectiveDate();

    DatePrecision datePrecision();

    String source();

    /** Admit a State or an Economy as an Associate of the CGPM; an Economy may list the States it is made of. */
    record AdmitAssociate(String code, String name, Category category, List<Constituent> composition,
                          LocalDate effectiveDate, DatePrecision datePrecision, String source) implements MembershipCommand {
        public AdmitAssociate {
            composition = composition == null ? List.of() : List.copyOf(composition);
        }
    }

    /** Record the accession to the Metre Convention, of a new participant or of an Associate State. */
    record Accede(String code, String name, LocalDate effectiveDate, DatePrecision datePrecision, String source)
            implements MembershipCommand {
    }

    /** Set or change the Regional Metrology Organization the participant belongs to (an RMO acronym). */
    record ChangeRmo(String code, String rmo, LocalDate effectiveDate, DatePrecision datePrecision, String source)
            implements MembershipCommand {
    }

    /** Suspend the participant, e.g. for arrears. */
    record Suspend(String code, String reason, LocalDate effectiveDate, DatePrecision datePrecision, String source)
            implements MembershipCommand {
    }

    /** Lift a suspension, e.g. once arrears are settled. */
    record Reinstate(String code, LocalDate effectiveDate, DatePrecision datePrecision, String source)
            implements MembershipCommand {
    }

    record Withdraw(String code, LocalDate effectiveDate, DatePrecision datePrecision, String source)
            implements MembershipCommand {
    }

    record Exclude(String code, String reason, LocalDate effectiveDate, DatePrecision datePrecision, String source)
            implements MembershipCommand {
    }

    /** Record the participant's signature of the CIPM Mutual Recognition Arrangement. */
    record SignMra(String code, LocalDate effectiveDate, DatePrecision datePrecision, String source)
            implements MembershipCommand {
    }

    /** Record an institute taking part in the CIPM MRA for the participant. */
    record DesignateInstitute(String code, String name, DesignatedInstitute.Kind kind, LocalDate effectiveDate,
                              DatePrecision datePrecision, String source) implements MembershipCommand {
    }
}
