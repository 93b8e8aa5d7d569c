package org.bipm.cbkt.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.bipm.cbkt.domain.ActivityDetails;
import org.bipm.cbkt.domain.ActivityType;
import org.bipm.cbkt.domain.Capacity;
import org.bipm.platform.kernel.domain.DatePrecision;
import org.bipm.cbkt.domain.Delivery;
import org.bipm.cbkt.domain.Fee;
import org.bipm.cbkt.domain.Schedule;
import org.bipm.cbkt.service.Enrolments.Participant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Bodies of the commands under {@code /api/cbkt}. A fact's {@code effectiveDate} may be left out: it is
 * then today (Europe/Paris); {@code datePrecision} is DAY unless the source gives only a MONTH or a YEAR.
 */
public final class Requests {

    static final String ACTIVITY_ID = "[a-z0-9][a-z0-9-]{2,79}";
    private static final int TEXT = 500;
    private static final int NAME = 200;

    private Requests() {
    }

    @Schema(description = "A new activity, created as a draft")
    public record NewActivity(
            @NotNull @Pattern(regexp = ACTIVITY_ID, message = "must be 3 to 80 lower-case letters, digits or hyphens")
            @Schema(example = "bipm-rmo-forum-2023") String id,
            @NotBlank @Size(max = TEXT) @Schema(example = "BIPM/RMO forum: Supporting RMO Secretariats") String title,
            @NotNull ActivityType type, @NotNull Delivery delivery,
            @Size(max = NAME) @Schema(example = "Metrology for Clean Air") String programme,
            @Size(max = TEXT) @Schema(example = "BIPM headquarters, Sèvres") String place,
            @Valid @Schema(description = "absent when the source does not say; an amount of 0 is 'no fee'") FeeRequest fee,
            @Valid ScheduleRequest schedule, @Valid CapacityRequest capacity,
            @Size(max = TEXT) @Schema(description = "where the facts come from") String source,
            LocalDate effectiveDate, DatePrecision datePrecision) {

        ActivityDetails details() {
            return new ActivityDetails(title.trim(), type, delivery, programme, place, fee == null ? null : fee.fee(), source);
        }
    }

    public record FeeRequest(@NotNull @DecimalMin("0") BigDecimal amount,
                             @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code, e.g. EUR") String currency) {
        Fee fee() {
            return new Fee(amount, currency);
        }
    }

    @Schema(description = "Dates of the activity; a date known to the MONTH or YEAR only is its first day")
    public record ScheduleRequest(LocalDate startDate, LocalDate endDate, DatePrecision datePrecision,
                                  @Min(1) Integer durationDays, LocalDate applicationDeadline) {
        Schedule schedule() {
            return new Schedule(startDate, endDate, datePrecision, durationDays, applicationDeadline);
        }
    }

    @Schema(description = "Quotas; each absent when there is no such limit")
    public record CapacityRequest(@Min(1) Integer totalSeats, @Min(1) Integer seatsPerRmo, @Min(0) Integer fundedSeatsPerRmo) {
        Capacity capacity() {
            return new Capacity(totalSeats, seatsPerRmo, fundedSeatsPerRmo);
        }
    }

    public record Publication(LocalDate effectiveDate, DatePrecision datePrecision) {
    }

    public record Rescheduling(@NotNull @Valid ScheduleRequest schedule, LocalDate effectiveDate) {
    }

    public record Cancellation(@Size(max = TEXT) String reason, LocalDate effectiveDate) {
    }

    @Schema(description = "An application: the participant, the nominating RMO, and whether funding is requested")
    public record ApplicationRequest(
            @NotNull @Valid ParticipantRequest participant,
            @Schema(description = "AFRIMETS, APMP, COOMET, EURAMET, GULFMET or SIM; an RMO secretariat may leave it out "
                    + "(its own RMO, from its token) and may not name another") String rmo,
            @Schema(description = "false when absent") Boolean fundingRequested) {
    }

    @Schema(description = "The person applying; name and e-mail are personal data, stored only encrypted")
    public record ParticipantRequest(@NotBlank @Size(max = NAME) String name,
                                     @NotBlank @Email @Size(max = 254) String email,
                                     @NotBlank @Size(max = TEXT) String institute,
                                     @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code, e.g. FR")
                                     String country) {
        Participant participant() {
            return new Participant(name, email, institute.trim(), country);
        }
    }

    @Schema(description = "A dated fact with no other content: withdrawal, completion, erasure")
    public record DatedFact(LocalDate effectiveDate) {
    }
}
