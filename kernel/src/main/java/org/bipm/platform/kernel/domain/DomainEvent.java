package org.bipm.platform.kernel.domain;

import java.time.LocalDate;

/** A fact of the domain: it took effect in the world on {@link #effectiveDate()}, which may be in the past. */
public interface DomainEvent {

    LocalDate effectiveDate();
}
