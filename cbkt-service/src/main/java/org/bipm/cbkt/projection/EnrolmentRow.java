package org.bipm.cbkt.projection;

import java.time.LocalDate;
import org.bipm.cbkt.domain.Application.Standing;
import org.bipm.cbkt.domain.FundingRefusal;
import org.bipm.cbkt.domain.Outcome;
import org.bipm.cbkt.domain.WaitlistReason;
import org.bipm.cbkt.domain.WithdrawalReason;
import org.bipm.platform.kernel.domain.Rmo;

/** One application as stored in the enrolments table; name and e-mail still sealed (null once erased). */
public record EnrolmentRow(String activityId, String applicationId, String personRef, String sealedName, String sealedEmail,
                           String institute, String country, Rmo rmo, boolean fundingRequested, boolean countryEligible,
                           Outcome outcome, WaitlistReason waitlistReason, FundingRefusal fundingRefusal, Standing standing,
                           boolean funded, LocalDate appliedOn, LocalDate acceptedOn, LocalDate promotedOn,
                           LocalDate withdrawnOn, WithdrawalReason withdrawalReason, LocalDate completedOn) {
}
