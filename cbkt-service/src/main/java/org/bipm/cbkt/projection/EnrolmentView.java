package org.bipm.cbkt.projection;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import org.bipm.cbkt.domain.Application.Standing;
import org.bipm.cbkt.domain.FundingRefusal;
import org.bipm.cbkt.domain.Outcome;
import org.bipm.cbkt.domain.WaitlistReason;
import org.bipm.cbkt.domain.WithdrawalReason;
import org.bipm.platform.kernel.domain.Rmo;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An enrolment as a reader may see it. {@code personRef}, {@code name}, {@code email} and
 * {@code personalDataErased} appear only for a CBKT coordinator and for the secretariat of the
 * nominating RMO; a name and e-mail erased on request are gone for everyone.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "An application to an activity and where it stands; personal fields only for the roles allowed to see them")
public record EnrolmentView(String activityId, String applicationId,
                            @Schema(description = "the person's reference (coordinator and nominating RMO only)") String personRef,
                            @Schema(description = "coordinator and nominating RMO only") String name,
                            @Schema(description = "coordinator and nominating RMO only") String email,
                            @Schema(description = "true once the person's name and e-mail were erased") Boolean personalDataErased,
                            String institute, String country, Rmo rmo, boolean fundingRequested,
                            @Schema(description = "the country was a Member State or Associate on the application date")
                            boolean countryEligibleForFunding,
                            @Schema(description = "the outcome decided when the application was made") Outcome outcome,
                            WaitlistReason waitlistReason, FundingRefusal fundingRefusal,
                            @Schema(description = "where the application stands now") Standing standing, boolean funded,
                            LocalDate appliedOn, LocalDate acceptedOn, LocalDate promotedOn, LocalDate withdrawnOn,
                            WithdrawalReason withdrawalReason, LocalDate completedOn) {

    /** The public part of the row, with the personal part given (all null when not disclosed). */
    public static EnrolmentView of(EnrolmentRow row, String personRef, String name, String email, Boolean erased) {
        return new EnrolmentView(row.activityId(), row.applicationId(), personRef, name, email, erased, row.institute(),
                row.country(), row.rmo(), row.fundingRequested(), row.countryEligible(), row.outcome(), row.waitlistReason(),
                row.fundingRefusal(), row.standing(), row.funded(), row.appliedOn(), row.acceptedOn(), row.promotedOn(),
                row.withdrawnOn(), row.withdrawalReason(), row.completedOn());
    }
}
