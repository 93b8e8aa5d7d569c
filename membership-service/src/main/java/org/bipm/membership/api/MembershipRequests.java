package org.bipm.membership.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.bipm.membership.domain.Category;
import org.bipm.membership.domain.Constituent;
import org.bipm.platform.kernel.domain.DatePrecision;
import org.bipm.membership.domain.DesignatedInstitute;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Bodies of the commands on {@code /api/membership/participants/{code}/...}. Each dates its fact:
 * {@code effectiveDate}, {@code datePrecision} (DAY when absent; MONTH or YEAR when the source gives no day)
 * and {@code source} (where the fact comes from).
 */
public final class MembershipRequests {

    private static final int TEXT = 500;
    private static final int NAME = 200;

    private MembershipRequests() {
    }

    @Schema(description = "Admission of a State or an Economy as an Associate of the CGPM")
    public record AssociateAdmission(
            @NotBlank @Size(max = NAME) @Schema(example = "Hong Kong (China)") String name,
            @NotNull @Schema(description = "ASSOCIATE_STATE or ASSOCIATE_ECONOMY") Category category,
            @Size(max = 100) @Schema(description = "the States an Associate Economy is made of (e.g. CARICOM's members)")
            List<Constituent> composition,
            @NotNull LocalDate effectiveDate, DatePrecision datePrecision, @Size(max = TEXT) String source) {
    }

    @Schema(description = "Accession to the Metre Convention; the name may be left out for an existing Associate State")
    public record Accession(@Size(max = NAME) @Schema(example = "Kazakhstan") String name,
                            @NotNull LocalDate effectiveDate, DatePrecision datePrecision, @Size(max = TEXT) String source) {
    }

    @Schema(description = "Affiliation with a Regional Metrology Organization")
    public record RmoAffiliation(@NotBlank @Schema(description = "AFRIMETS, APMP, COOMET, EURAMET, GULFMET or SIM",
                                         example = "SIM") String rmo,
                                 @NotNull LocalDate effectiveDate, DatePrecision datePrecision,
                                 @Size(max = TEXT) String source) {
    }

    @Schema(description = "A dated fact with a reason, e.g. a suspension or an exclusion for arrears")
    public record ReasonedFact(@Size(max = TEXT) @Schema(example = "arrears") String reason,
                               @NotNull LocalDate effectiveDate, DatePrecision datePrecision, @Size(max = TEXT) String source) {
    }

    @Schema(description = "A dated fact: a reinstatement, a withdrawal or a signature of the CIPM MRA")
    public record DatedFact(@NotNull LocalDate effectiveDate, DatePrecision datePrecision, @Size(max = TEXT) String source) {
    }

    @Schema(description = "An institute taking part in the CIPM MRA for the participant")
    public record InstituteDesignation(@NotBlank @Size(max = NAME) @Schema(example = "INTI") String name,
                                       @NotNull DesignatedInstitute.Kind kind,
                                       @NotNull LocalDate effectiveDate, DatePrecision datePrecision,
                                       @Size(max = TEXT) String source) {
    }
}
