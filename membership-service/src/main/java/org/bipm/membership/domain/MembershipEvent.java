package org.bipm.membership.domain;

import org.bipm.platform.kernel.domain.DatePrecision;
import java.time.LocalDate;
import java.util.List;
import org.bipm.platform.kernel.domain.DomainEvent;
import org.bipm.platform.kernel.domain.Rmo;

/**
 * The facts of one participant's stream, as published on {@code bipm.membership.v1} (JSON Schemas under
 * META-INF/schemas). Each is dated: effective date, its precision, and the source it comes from.
 */
public sealed interface MembershipEvent extends DomainEvent {

    DatePrecision datePrecision();

    String source();

    /** {@code category} is ASSOCIATE_STATE or ASSOCIATE_ECONOMY; {@code composition} lists an Economy's States. */
    record AssociateAdmitted(String name, Category category, List<Constituent> composition,
                             LocalDate effectiveDate, DatePrecision datePrecision, String source) implements MembershipEvent {
    }

    /**
     * {@code fromAssociate}: it acceded from Associate status (its history keeps both facts), rather than
     * as a State that did not take part. Schema version 2; version 1 said the same with a nullable
     * {@code previousCategory}, upcast on reading.
     */
    record AccededToConvention(String name, boolean fromAssociate,
                               LocalDate effectiveDate, DatePrecision datePrecision, String source) implements MembershipEvent {
    }

    /** {@code previousRmo} is null when the affiliation is set for the first time. */
    record RmoAffiliationChanged(Rmo rmo, Rmo previousRmo,
                                 LocalDate effectiveDate, DatePrecision datePrecision, String source) implements MembershipEvent {
    }

    record ParticipantSuspended(String reason, LocalDate effectiveDate, DatePrecision datePrecision, String source)
            implements MembershipEvent {
    }

    record ParticipantReinstated(LocalDate effectiveDate, DatePrecision datePrecision, String source)
            implements MembershipEvent {
    }

    record ParticipantWithdrew(LocalDate effectiveDate, DatePrecision datePrecision, String source)
            implements MembershipEvent {
    }

    record ParticipantExcluded(String reason, LocalDate effectiveDate, DatePrecision datePrecision, String source)
            implements MembershipEvent {
    }

    record CipmMraSigned(LocalDate effectiveDate, DatePrecision datePrecision, String source)
            implements MembershipEvent {
    }

    record InstituteDesignated(String name, DesignatedInstitute.Kind kind,
                               LocalDate effectiveDate, DatePrecision datePrecision, String source) implements MembershipEvent {
    }
}
