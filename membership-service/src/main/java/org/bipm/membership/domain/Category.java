package org.bipm.membership.domain;

/** How a State or Economy takes part in the Metre Convention system. */
public enum Category {
    /** A State party to the Metre Convention. */
    MEMBER_STATE,
    /** A State that takes part in the CGPM as an Associate without acceding to the Convention. */
    ASSOCIATE_STATE,
    /** An Economy (not a State, e.g. Chinese Taipei, or a union such as CARICOM) associated with the CGPM. */
    ASSOCIATE_ECONOMY
}
