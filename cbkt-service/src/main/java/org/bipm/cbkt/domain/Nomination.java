package org.bipm.cbkt.domain;

import org.bipm.platform.kernel.domain.Rejection;
import org.bipm.platform.kernel.domain.Rmo;

/**
 * An application as the nominating RMO makes it: the applicant, the RMO, whether funding is requested,
 * and whether the applicant's country was a Member State or Associate on the application date
 * (only such participants may be funded; the service learns it from the membership topic).
 */
public record Nomination(Applicant applicant, Rmo rmo, boolean fundingRequested, boolean countryEligibleForFunding) {

    public Nomination {
        if (applicant == null || rmo == null) {
            throw Rejection.invalid("nomination-incomplete", "a nomination names the applicant and the RMO");
        }
    }
}
