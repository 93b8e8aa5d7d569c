package org.bipm.cbkt.domain;

import java.time.LocalDate;
import org.bipm.platform.kernel.domain.Rmo;

/**
 * One application to an activity, as the activity's stream knows it. Only an ACCEPTED application holds
 * a seat (a completed one still does); {@code funded} tells whether that seat is funded.
 */
public record Application(String applicationId, Nomination nomination, LocalDate appliedOn, Standing standing,
                          boolean funded, LocalDate completedOn) {

    public enum Standing { ACCEPTED, WAITLISTED, WITHDRAWN }

    public Rmo rmo() {
        return nomination.rmo();
    }

    public String personRef() {
        return nomination.applicant().personRef();
    }

    public boolean holdsSeat() {
        return standing == Standing.ACCEPTED;
    }

    public boolean isWaitlisted() {
        return standing == Standing.WAITLISTED;
    }

    public boolean isCompleted() {
        return completedOn != null;
    }

    Application accepted(boolean withFunding) {
        return new Application(applicationId, nomination, appliedOn, Standing.ACCEPTED, withFunding, completedOn);
    }

    Application withdrawn() {
        return new Application(applicationId, nomination, appliedOn, Standing.WITHDRAWN, false, completedOn);
    }

    Application completed(LocalDate on) {
        return new Application(applicationId, nomination, appliedOn, standing, funded, on);
    }
}
