package org.bipm.liaison.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.bipm.platform.kernel.domain.DatePrecision;
import org.bipm.liaison.domain.Ending;
import org.bipm.liaison.domain.LiaisonCommand.AuthorizeLiaison;
import org.bipm.liaison.domain.LiaisonCommand.EndLiaison;
import org.bipm.liaison.domain.LiaisonCommand.FormalizeLiaison;
import org.bipm.liaison.domain.LiaisonCommand.NominateFocalPoint;
import org.bipm.liaison.domain.LiaisonCommand.ProposeLiaison;
import org.bipm.liaison.domain.LiaisonCommand.RecordWorkingGroupRole;
import org.bipm.liaison.domain.LiaisonCommand.RenewLiaison;
import org.bipm.liaison.domain.LiaisonKind;
import org.bipm.liaison.domain.Partner;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of the liaison commands, validated before they become domain commands. */
public final class Requests {

    static final String ACRONYM = "[A-Z][A-Z0-9]{1,15}";
    static final String DATE_STATED = "false when the source gives no date for the fact: effectiveDate is then "
            + "the date by which it had happened (to datePrecision); true when absent";
    private static final String ACRONYM_MESSAGE = "must be an upper-case acronym of 2 to 16 letters or digits, e.g. ISO";

    private Requests() {
    }

    public record PartnerRequest(
            @NotNull @Pattern(regexp = ACRONYM, message = ACRONYM_MESSAGE) String acronym,
            @NotBlank @Size(max = 200) String fullName) {
    }

    public record ProposalRequest(
            @NotNull @Valid PartnerRequest partner,
            @NotNull LiaisonKind kind,
            @Schema(description = "What the liaison is about; with partner and kind it identifies the liaison")
            @NotBlank @Size(max = 300) String subject,
            @Schema(description = "Context and source of the fact") @Size(max = 2000) String note,
            @NotNull LocalDate effectiveDate,
            DatePrecision datePrecision,
            @Schema(description = DATE_STATED) Boolean dateStated) implements FactRequest {

        ProposeLiaison toCommand() {
            return new ProposeLiaison(new Partner(partner.acronym(), partner.fullName().strip()), kind, subject, note,
                    effectiveDate, precision(), stated());
        }
    }

    public record AuthorizationRequest(
            @Schema(description = "The CIPM decision, e.g. CIPM/111-25; 'not stated in the source' when unknown")
            @NotBlank @Size(max = 200) String decisionReference,
            @Size(max = 2000) String note,
            @NotNull LocalDate effectiveDate,
            DatePrecision datePrecision,
            @Schema(description = DATE_STATED) Boolean dateStated) implements FactRequest {

        AuthorizeLiaison toCommand() {
            return new AuthorizeLiaison(decisionReference, note, effectiveDate, precision(), stated());
        }
    }

    public record SignatureRequest(
            @Schema(description = "Acronyms of the signatories (the BIPM included); may be empty, e.g. for an admission")
            @Size(max = 50) List<@NotNull @Pattern(regexp = ACRONYM, message = ACRONYM_MESSAGE) String> signatories,
            @Schema(description = "When the liaison is next due for review; absent when none is set")
            LocalDate reviewDue,
            @Size(max = 2000) String note,
            @NotNull LocalDate effectiveDate,
            DatePrecision datePrecision,
            @Schema(description = DATE_STATED) Boolean dateStated) implements FactRequest {

        FormalizeLiaison toCommand() {
            return new FormalizeLiaison(signatories == null ? List.of() : signatories, reviewDue, note, effectiveDate,
                    precision(), stated());
        }
    }

    public record RenewalRequest(
            @Schema(description = "The next review date; must be later than the current one when there is one")
            LocalDate reviewDue,
            @Size(max = 2000) String note,
            @NotNull LocalDate effectiveDate,
            DatePrecision datePrecision,
            @Schema(description = DATE_STATED) Boolean dateStated) implements FactRequest {

        RenewLiaison toCommand() {
            return new RenewLiaison(reviewDue, note, effectiveDate, precision(), stated());
        }
    }

    public record FocalPointRequest(
            @Schema(description = "The function or unit acting as focal point, not a person's name "
                    + "(events are published and personal data never travels in clear)")
            @NotBlank @Size(max = 200) String focalPoint,
            @Size(max = 2000) String note,
            @NotNull LocalDate effectiveDate,
            DatePrecision datePrecision,
            @Schema(description = DATE_STATED) Boolean dateStated) implements FactRequest {

        NominateFocalPoint toCommand() {
            return new NominateFocalPoint(focalPoint.strip(), note, effectiveDate, precision(), stated());
        }
    }

    public record WorkingGroupRoleRequest(
            @NotBlank @Size(max = 300) String workingGroup,
            @Schema(description = "e.g. focal point, co-focal point, project lead")
            @NotBlank @Size(max = 200) String role,
            @Size(max = 2000) String note,
            @NotNull LocalDate effectiveDate,
            DatePrecision datePrecision,
            @Schema(description = DATE_STATED) Boolean dateStated) implements FactRequest {

        RecordWorkingGroupRole toCommand() {
            return new RecordWorkingGroupRole(workingGroup.strip(), role.strip(), note, effectiveDate, precision(), stated());
        }
    }

    public record TerminationRequest(
            @Schema(description = "TERMINATED (ended by a party) or EXPIRED (lapsed); TERMINATED when not said")
            Ending ending,
            @NotBlank @Size(max = 2000) String reason,
            @NotNull LocalDate effectiveDate,
            DatePrecision datePrecision,
            @Schema(description = DATE_STATED) Boolean dateStated) implements FactRequest {

        EndLiaison toCommand() {
            return new EndLiaison(ending == null ? Ending.TERMINATED : ending, reason, effectiveDate, precision(), stated());
        }
    }
}
