package org.bipm.cbkt.projection;

import java.time.LocalDate;
import java.util.Map;
import org.bipm.cbkt.domain.Activity;
import org.bipm.cbkt.domain.ActivityType;
import org.bipm.cbkt.domain.Capacity;
import org.bipm.platform.kernel.domain.DatePrecision;
import org.bipm.cbkt.domain.Delivery;
import org.bipm.cbkt.domain.Fee;
import org.bipm.cbkt.domain.Schedule;
import org.bipm.platform.kernel.domain.Rmo;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An activity as the public reads it, with live counts of its enrolments. */
@Schema(description = "A CBKT activity with live counts of its enrolments")
public record ActivityView(String activityId, String title, ActivityType type, Delivery delivery, String programme,
                           String place, Fee fee, String source, Schedule schedule, Capacity capacity,
                           Activity.Status status, LocalDate createdOn, DatePrecision createdOnPrecision,
                           LocalDate publishedOn, LocalDate cancelledOn, String cancellationReason,
                           Counts counts, long version) {

    /** Enrolments now: accepted (holding a seat, completed ones included), waitlisted, funded, withdrawn, completed. */
    @Schema(description = "Live counts; seatsLeft is absent when the activity has no such limit")
    public record Counts(long accepted, long waitlisted, long funded, long withdrawn, long completed, Integer seatsLeft,
                         Map<Rmo, RmoCounts> byRmo) {
    }

    public record RmoCounts(long accepted, long waitlisted, long funded, Integer seatsLeft, Integer fundedSeatsLeft) {
    }
}
