package org.bipm.wmd.projection;

import java.time.LocalDate;
import org.bipm.wmd.domain.FactDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A celebration as the public reads it; {@code edition} is the year, {@code id} its number within it. */
public record CelebrationView(int edition, int id, String title, String organizer, String countryCode, String city,
                              boolean online, LocalDate date, Status status, FactDate registered, FactDate cancelled,
                              String cancellationReason) {

    @Schema(name = "CelebrationStatus")
    public enum Status { REGISTERED, CANCELLED }
}
