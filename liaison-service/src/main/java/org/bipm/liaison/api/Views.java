package org.bipm.liaison.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.bipm.liaison.domain.Liaison;
import org.bipm.liaison.domain.LiaisonKind;
import org.bipm.liaison.domain.Partner;
import org.bipm.liaison.projection.LiaisonRow;
import org.bipm.liaison.projection.PartnerRow;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the reads answer. */
public final class Views {

    private Views() {
    }

    /** A liaison with its id and the stream version it reflects. */
    public record LiaisonView(String id, long version, @JsonUnwrapped Liaison liaison) {

        static LiaisonView of(LiaisonRow row) {
            return new LiaisonView(row.id(), row.version(), row.liaison());
        }
    }

    /** One liaison now, with every fact recorded about it. */
    public record LiaisonDetail(String id, long version, @JsonUnwrapped Liaison liaison, List<Fact> history) {
    }

    /** A recorded fact: the event as stored and published. */
    public record Fact(UUID eventId, long version, String type, LocalDate effectiveDate, Instant recordedAt,
                       @Schema(type = SchemaType.OBJECT, description = "The event's data, as the JSON Schema of its type describes")
                       JsonNode data) {
    }

    public record PartnerView(String acronym, String fullName, List<LiaisonView> activeLiaisons) {

        static PartnerView of(PartnerRow row) {
            return new PartnerView(row.acronym(), row.fullName(), row.activeLiaisons().stream().map(LiaisonView::of).toList());
        }
    }

    /** Liaisons in force whose review date falls on or before {@code until}, as of {@code from}. */
    public record DueForReview(LocalDate from, String within, LocalDate until, List<ReviewDue> liaisons) {
    }

    public record ReviewDue(String id, Partner partner, LiaisonKind kind, String subject, LocalDate reviewDue,
                            boolean overdue) {

        static ReviewDue of(LiaisonRow row, LocalDate from) {
            Liaison liaison = row.liaison();
            return new ReviewDue(row.id(), liaison.partner(), liaison.kind(), liaison.subject(), liaison.reviewDue(),
                    liaison.reviewDue().isBefore(from));
        }
    }
}
