package org.bipm.cbkt.domain;

/** Why an enrolment ended before the activity: the participant or RMO withdrew it, or the activity was cancelled. */
public enum WithdrawalReason {
    REQUESTED, ACTIVITY_CANCELLED
}
