package org.bipm.cbkt.domain;

import java.time.LocalDate;

/** What a person's stream knows: when their personal data was erased (null: not erased). */
public record Person(LocalDate erasedOn) {

    public static final Person ON_RECORD = new Person(null);

    /** The stream of the person with this reference. */
    public static String streamId(String personRef) {
        return "person:" + personRef;
    }
}
