package org.bipm.wmd.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.bipm.platform.kernel.domain.DatePrecision;
import org.bipm.wmd.domain.ReportedFigure;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The bodies of the commands. Every one may say when its fact took effect ({@code effectiveDate},
 * default today) and how precisely that date is known ({@code datePrecision}, default DAY; a MONTH
 * or YEAR date is the first day of its month or year).
 */
public final class Requests {

    private static final String EFFECTIVE_DATE = "When the fact took effect; today when omitted";
    private static final String PRECISION = "How precisely effectiveDate is known; DAY when omitted";

    private Requests() {
    }

    public record AnnounceEdition(
            @NotNull @Max(9999) @Schema(examples = "2024") Integer year,
            @Schema(description = EFFECTIVE_DATE) LocalDate effectiveDate,
            @Schema(description = PRECISION) DatePrecision datePrecision) {
    }

    public record SetTheme(
            @NotBlank @Size(max = 300) @Schema(examples = "Sustainability") String theme,
            @Schema(description = EFFECTIVE_DATE) LocalDate effectiveDate,
            @Schema(description = PRECISION) DatePrecision datePrecision) {
    }

    /** A fact with nothing to say but its date: a publication. */
    public record Publication(
            @Schema(description = EFFECTIVE_DATE) LocalDate effectiveDate,
            @Schema(description = PRECISION) DatePrecision datePrecision) {
    }

    public record DesignatePosterPartner(
            @Size(max = 300) @Schema(description = "The institute making the poster", examples = "INTI") String institute,
            @Schema(description = "The institute's country, ISO 3166-1 alpha-2", examples = "AR") String countryCode,
            @Schema(description = "The RMO under whose auspices the poster is made", examples = "SIM",
                    enumeration = {"AFRIMETS", "APMP", "COOMET", "EURAMET", "GULFMET", "SIM"}) String rmo,
            @Schema(description = EFFECTIVE_DATE) LocalDate effectiveDate,
            @Schema(description = PRECISION) DatePrecision datePrecision) {
    }

    public record PublishTranslation(
            @NotBlank @Schema(description = "ISO 639-1 language code", examples = "es") String language,
            @Schema(description = EFFECTIVE_DATE) LocalDate effectiveDate,
            @Schema(description = PRECISION) DatePrecision datePrecision) {
    }

    public record Celebration(
            @NotBlank @Size(max = 300) @Schema(examples = "Open day at the national metrology institute") String title,
            @NotBlank @Size(max = 300) @Schema(examples = "INTI") String organizer,
            @NotBlank @Schema(description = "Host country, ISO 3166-1 alpha-2", examples = "AR") String countryCode,
            @Size(max = 200) @Schema(description = "Where it takes place; omit for an online-only celebration",
                    examples = "Buenos Aires") String city,
            @Schema(description = "Whether it can be followed online (a celebration needs a city, online, or both)")
            Boolean online,
            @NotNull @Schema(description = "The day it takes place, in the edition's year", examples = "2024-05-20")
            LocalDate date,
            @Schema(description = EFFECTIVE_DATE) LocalDate effectiveDate,
            @Schema(description = PRECISION) DatePrecision datePrecision) {

        boolean isOnline() {
            return Boolean.TRUE.equals(online);
        }
    }

    public record CancelCelebration(
            @Size(max = 1000) String reason,
            @Schema(description = EFFECTIVE_DATE) LocalDate effectiveDate,
            @Schema(description = PRECISION) DatePrecision datePrecision) {
    }

    public record RecordSpecialEvent(
            @NotBlank @Size(max = 300) @Schema(examples = "150 years of the signing of the Metre Convention") String title,
            @NotNull @Schema(examples = "2025-05-20") LocalDate startDate,
            @Schema(description = "The last day; the start date when omitted", examples = "2025-05-22") LocalDate endDate,
            @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 200) String> places,
            @Size(max = 500) @Pattern(regexp = "https?://\\S+") @Schema(examples = "https://www.bipm.org/en/bipm-anniversary")
            String url,
            @Schema(description = EFFECTIVE_DATE) LocalDate effectiveDate,
            @Schema(description = PRECISION) DatePrecision datePrecision) {
    }

    public record ReportFigure(
            @NotNull ReportedFigure.Measure measure,
            @NotNull @Schema(description = "How the source states the figure: \"more than 30\" is MORE_THAN 30")
            ReportedFigure.Qualifier qualifier,
            @NotNull @PositiveOrZero Integer value,
            @NotBlank @Size(max = 500) @Schema(description = "The document stating the figure") String source,
            @Schema(description = EFFECTIVE_DATE) LocalDate effectiveDate,
            @Schema(description = PRECISION) DatePrecision datePrecision) {
    }
}
