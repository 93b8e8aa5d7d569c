package org.bipm.cbkt.domain;

/** The outcome an application gets at once (a refusal is not an outcome on record: the command is rejected). */
public enum Outcome {
    ACCEPTED, ACCEPTED_WITHOUT_FUNDING, WAITLISTED
}
