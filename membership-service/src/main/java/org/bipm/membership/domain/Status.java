package org.bipm.membership.domain;

/** Where a participant stands: taking part (possibly suspended for arrears), or no longer taking part. */
public enum Status {
    ACTIVE,
    /** Suspended for arrears; still counts in its category until it withdraws or is excluded. */
    SUSPENDED,
    WITHDRAWN,
    EXCLUDED;

    public boolean participating() {
        return this == ACTIVE || this == SUSPENDED;
    }
}
