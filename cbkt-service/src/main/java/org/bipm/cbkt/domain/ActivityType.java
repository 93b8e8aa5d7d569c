package org.bipm.cbkt.domain;

/** The kinds of activity through which the CBKT programme is delivered. */
public enum ActivityType {
    WORKSHOP, LABORATORY_PLACEMENT, E_LEARNING_COURSE, FORUM, WEBINAR
}
