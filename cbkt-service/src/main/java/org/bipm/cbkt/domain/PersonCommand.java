package org.bipm.cbkt.domain;

import java.time.LocalDate;

/** What may be asked about a person whose data the service holds. */
public sealed interface PersonCommand {

    /** The person's right to erasure: their name and e-mail become unrecoverable everywhere. */
    record ErasePersonalData(String personRef, LocalDate effectiveDate) implements PersonCommand {
    }
}
