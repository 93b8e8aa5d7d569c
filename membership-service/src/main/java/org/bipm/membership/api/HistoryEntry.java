package org.bipm.membership.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.bipm.membership.domain.MembershipEvent;
import org.bipm.platform.kernel.command.EventSourcedCommands.Recorded;

/** One fact of a participant's history, as recorded (its data in the current schema version). */
public record HistoryEntry(long version, String type, UUID eventId, LocalDate effectiveDate, Instant recordedAt,
                           MembershipEvent data) {

    static HistoryEntry of(Recorded<MembershipEvent> recorded) {
        var envelope = recorded.envelope();
        return new HistoryEntry(envelope.version(), envelope.type(), envelope.eventId(), envelope.effectiveDate(),
                envelope.recordedAt(), recorded.event());
    }
}
