package org.bipm.cbkt.domain;

import java.time.LocalDate;
import org.bipm.platform.kernel.domain.DomainEvent;

/** Facts about a person (stream id {@code person:<personRef>}); they never carry personal data. */
public sealed interface PersonEvent extends DomainEvent {

    /** The person's key was destroyed: the ciphertext of their name and e-mail in every event is now unreadable. */
    record PersonalDataErased(String personRef, LocalDate effectiveDate) implements PersonEvent {
    }
}
