package org.bipm.platform.kernel.tally;

import java.time.LocalDate;
import org.bipm.platform.kernel.domain.DomainEvent;

/** The kernel's test domain: a named tally that can be counted up. */
public sealed interface TallyEvent extends DomainEvent {

    record TallyOpened(String name, LocalDate effectiveDate) implements TallyEvent {
    }

    record Counted(int amount, LocalDate effectiveDate) implements TallyEvent {
    }
}
