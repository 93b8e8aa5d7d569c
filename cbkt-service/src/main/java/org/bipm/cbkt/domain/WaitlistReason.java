package org.bipm.cbkt.domain;

/** Why an application waits for a seat. */
public enum WaitlistReason {
    SEATS_FULL("every seat of the activity is taken"),
    RMO_SEATS_FULL("every seat for the nominating RMO is taken");

    private final String description;

    WaitlistReason(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
