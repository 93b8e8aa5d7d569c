package org.bipm.platform.kernel.tally;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.LocalDate;

public sealed interface TallyCommand {

    record OpenTally(@NotBlank String name, @NotNull LocalDate effectiveDate) implements TallyCommand {
    }

    record Count(@Positive int amount, @NotNull LocalDate effectiveDate) implements TallyCommand {
    }
}
