package org.bipm.liaison.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bipm.platform.kernel.domain.DatePrecision.DAY;
import static org.bipm.platform.kernel.domain.DatePrecision.MONTH;
import static org.bipm.platform.kernel.domain.DatePrecision.YEAR;

import java.time.LocalDate;
import java.util.List;
import org.bipm.liaison.domain.LiaisonCommand.AuthorizeLiaison;
import org.bipm.liaison.domain.LiaisonCommand.EndLiaison;
import org.bipm.liaison.domain.LiaisonCommand.FormalizeLiaison;
import org.bipm.liaison.domain.LiaisonCommand.NominateFocalPoint;
import org.bipm.liaison.domain.LiaisonCommand.ProposeLiaison;
import org.bipm.liaison.domain.LiaisonCommand.RecordWorkingGroupRole;
import org.bipm.liaison.domain.LiaisonCommand.RenewLiaison;
import org.bipm.liaison.domain.LiaisonEvent.FocalPointNominated;
import org.bipm.liaison.domain.LiaisonEvent.LiaisonAuthorized;
import org.bipm.liaison.domain.LiaisonEvent.LiaisonEnded;
import org.bipm.liaison.domain.LiaisonEvent.LiaisonFormalized;
import org.bipm.liaison.domain.LiaisonEvent.LiaisonProposed;
import org.bipm.liaison.domain.LiaisonEvent.LiaisonRenewed;
import org.bipm.liaison.domain.LiaisonEvent.WorkingGroupRoleRecorded;
import org.bipm.platform.kernel.domain.DeciderSpec;
import org.junit.jupiter.api.Test;

class LiaisonDeciderTest {

    private static final Partner IPCC = new Partner("IPCC", "Intergovernmental Panel on Climate Change");
    private static final LocalDate AUGUST_2024 = LocalDate.of(2024, 8, 1);
    private static final LocalDate LATER = LocalDate.of(2024, 9, 15);

    private final DeciderSpec<LiaisonCommand, LiaisonState, LiaisonEvent> spec = DeciderSpec.of(new LiaisonDecider());

    private static final LiaisonProposed PROPOSED =
            new LiaisonProposed(IPCC, LiaisonKind.OBSERVER_STATUS, "Observer organization", null, AUGUST_2024, MONTH, false);
    private static final LiaisonAuthorized AUTHORIZED =
            new LiaisonAuthorized("not stated in the source", null, AUGUST_2024, MONTH, false);
    private static final LiaisonFormalized IN_FORCE =
            new LiaisonFormalized(List.of(), LocalDate.of(2027, 8, 1), "observer status granted", AUGUST_2024, MONTH, true);
    private static final LiaisonFormalized IN_FORCE_WITHOUT_REVIEW =
            new LiaisonFormalized(List.of(), null, null, AUGUST_2024, MONTH, true);
    private static final LiaisonEnded TERMINATED =
            new LiaisonEnded(Ending.TERMINATED, "withdrawn", LATER, DAY, true);

    private static ProposeLiaison propose(LocalDate on) {
        return new ProposeLiaison(IPCC, LiaisonKind.OBSERVER_STATUS, "Observer organization", null, on, DAY, false);
    }

    // --- proposal -------------------------------------------------------------------------

    @Test
    void proposes_a_liaison_with_a_partner_kind_and_subject() {
        Liaison liaison = (Liaison) spec.given()
                .when(new ProposeLiaison(IPCC, LiaisonKind.OBSERVER_STATUS, "Observer organization", null, AUGUST_2024, MONTH, false))
                .then(PROPOSED);
        assertThat(liaison.status()).isEqualTo(LiaisonStatus.PROPOSED);
        assertThat(liaison.partner()).isEqualTo(IPCC);
        assertThat(liaison.proposal().dateStated()).as("the source gave no date; August 2024 is when it had happened by").isFalse();
    }

    @Test
    void refuses_a_duplicate_of_an_active_liaison() {
        spec.given(PROPOSED).when(propose(LATER)).thenRejected("duplicate-active-liaison");
        spec.given(PROPOSED, AUTHORIZED, IN_FORCE).when(propose(LATER)).thenRejected("duplicate-active-liaison");
    }

    @Test
    void refuses_a_subject_without_letters_or_digits() {
        spec.given().when(new ProposeLiaison(IPCC, LiaisonKind.AGREEMENT, " -- ", null, AUGUST_2024, DAY, true))
                .thenRejected("subject-invalid");
    }

    @Test
    void refuses_any_command_but_a_proposal_on_an_unknown_liaison() {
        spec.given().when(new AuthorizeLiaison("CIPM/2024-01", null, AUGUST_2024, DAY, true)).thenRejected("liaison-not-found");
    }

    // --- authorization and formalization ---------------------------------------------------

    @Test
    void records_the_cipm_authorization_with_its_decision_reference() {
        Liaison liaison = (Liaison) spec.given(PROPOSED)
                .when(new AuthorizeLiaison("not stated in the source", null, AUGUST_2024, MONTH, false))
                .then(AUTHORIZED);
        assertThat(liaison.status()).isEqualTo(LiaisonStatus.AUTHORIZED);
        assertThat(liaison.authorization().decisionReference()).isEqualTo("not stated in the source");
    }

    @Test
    void refuses_a_second_authorization() {
        spec.given(PROPOSED, AUTHORIZED).when(new AuthorizeLiaison("CIPM/2025-02", null, LATER, DAY, true))
                .thenRejected("already-authorized");
    }

    @Test
    void refuses_signing_before_the_cipm_authorized_the_liaison() {
        spec.given(PROPOSED).when(new FormalizeLiaison(List.of("BIPM"), null, null, AUGUST_2024, MONTH, true))
                .thenRejected("not-authorized");
    }

    @Test
    void formalizes_an_authorized_liaison_with_signatories_and_an_optional_review_date() {
        Liaison withReview = (Liaison) spec.given(PROPOSED, AUTHORIZED)
                .when(new FormalizeLiaison(List.of(), LocalDate.of(2027, 8, 1), "observer status granted", AUGUST_2024, MONTH, true))
                .then(IN_FORCE);
        assertThat(withReview.status()).isEqualTo(LiaisonStatus.IN_FORCE);
        assertThat(withReview.reviewDue()).isEqualTo(LocalDate.of(2027, 8, 1));

        Liaison signed = (Liaison) spec.given(PROPOSED, AUTHORIZED)
                .when(new FormalizeLiaison(List.of("BIPM", "OIML", "ILAC", "ISO"), null, null, AUGUST_2024, MONTH, true))
                .then(new LiaisonFormalized(List.of("BIPM", "OIML", "ILAC", "ISO"), null, null, AUGUST_2024, MONTH, true));
        assertThat(signed.reviewDue()).isNull();
        assertThat(signed.formalization().signatories()).containsExactly("BIPM", "OIML", "ILAC", "ISO");
    }

    @Test
    void refuses_a_second_formalization() {
        spec.given(PROPOSED, AUTHORIZED, IN_FORCE).when(new FormalizeLiaison(List.of(), null, null, LATER, DAY, true))
                .thenRejected("already-formalized");
    }

    @Test
    void refuses_a_review_date_that_is_not_after_the_signature() {
        spec.given(PROPOSED, AUTHORIZED).when(new FormalizeLiaison(List.of(), AUGUST_2024, null, AUGUST_2024, MONTH, true))
                .thenRejected("review-date-not-after-effective-date");
    }

    // --- renewal ---------------------------------------------------------------------------

    @Test
    void renews_with_a_later_review_date() {
        Liaison liaison = (Liaison) spec.given(PROPOSED, AUTHORIZED, IN_FORCE)
                .when(new RenewLiaison(LocalDate.of(2030, 8, 1), "renewed", LATER, DAY, true))
                .then(new LiaisonRenewed(LocalDate.of(2030, 8, 1), "renewed", LATER, DAY, true));
        assertThat(liaison.reviewDue()).isEqualTo(LocalDate.of(2030, 8, 1));
        assertThat(liaison.renewals()).hasSize(1);
    }

    @Test
    void refuses_a_renewal_that_does_not_move_the_review_date_forward() {
        spec.given(PROPOSED, AUTHORIZED, IN_FORCE).when(new RenewLiaison(LocalDate.of(2027, 8, 1), null, LATER, DAY, true))
                .thenRejected("review-date-not-moved-forward");
        spec.given(PROPOSED, AUTHORIZED, IN_FORCE).when(new RenewLiaison(LocalDate.of(2026, 1, 1), null, LATER, DAY, true))
                .thenRejected("review-date-not-moved-forward");
        spec.given(PROPOSED, AUTHORIZED, IN_FORCE).when(new RenewLiaison(null, null, LATER, DAY, true))
                .thenRejected("review-date-not-moved-forward");
    }

    @Test
    void reaffirms_without_a_review_date_when_none_was_set() {
        Liaison liaison = (Liaison) spec.given(PROPOSED, AUTHORIZED, IN_FORCE_WITHOUT_REVIEW)
                .when(new RenewLiaison(null, "updated and reaffirmed", LocalDate.of(2025, 1, 1), YEAR, true))
                .then(new LiaisonRenewed(null, "updated and reaffirmed", LocalDate.of(2025, 1, 1), YEAR, true));
        assertThat(liaison.reviewDue()).isNull();
        assertThat(liaison.status()).isEqualTo(LiaisonStatus.IN_FORCE);
    }

    @Test
    void refuses_a_renewal_review_date_that_is_not_after_the_renewal() {
        spec.given(PROPOSED, AUTHORIZED, IN_FORCE_WITHOUT_REVIEW)
                .when(new RenewLiaison(LocalDate.of(2024, 9, 1), null, LATER, DAY, true))
                .thenRejected("review-date-not-after-effective-date");
    }

    @Test
    void refuses_to_renew_a_liaison_that_is_not_in_force() {
        spec.given(PROPOSED, AUTHORIZED).when(new RenewLiaison(LocalDate.of(2030, 1, 1), null, LATER, DAY, true))
                .thenRejected("not-in-force");
    }

    // --- focal point and working groups -----------------------------------------------------

    @Test
    void nominates_then_replaces_the_focal_point() {
        LiaisonState nominated = spec.given(PROPOSED, AUTHORIZED, IN_FORCE)
                .when(new NominateFocalPoint("not stated in the source", null, AUGUST_2024, MONTH, true))
                .then(new FocalPointNominated("not stated in the source", null, null, AUGUST_2024, MONTH, true));
        assertThat(((Liaison) nominated).focalPoint().name()).isEqualTo("not stated in the source");

        spec.given(PROPOSED, AUTHORIZED, IN_FORCE,
                        new FocalPointNominated("International Liaison and Communication Department", null, null, AUGUST_2024, MONTH, true))
                .when(new NominateFocalPoint("Chemistry Department", null, LATER, DAY, true))
                .then(new FocalPointNominated("Chemistry Department", "International Liaison and Communication Department",
                        null, LATER, DAY, true));
    }

    @Test
    void nominating_the_current_focal_point_again_changes_nothing() {
        spec.given(PROPOSED, AUTHORIZED, new FocalPointNominated("Time Department", null, null, AUGUST_2024, DAY, true))
                .when(new NominateFocalPoint("Time Department", null, LATER, DAY, true))
                .then();
    }

    @Test
    void refuses_a_focal_point_before_the_cipm_authorized_the_liaison() {
        spec.given(PROPOSED).when(new NominateFocalPoint("Time Department", null, LATER, DAY, true)).thenRejected("not-authorized");
    }

    @Test
    void records_working_group_roles_one_per_group() {
        WorkingGroupRoleRecorded wg5 = new WorkingGroupRoleRecorded("WG5: IO Coordination", "co-focal point", null,
                LocalDate.of(2019, 1, 1), YEAR, true);
        Liaison liaison = (Liaison) spec.given(PROPOSED, AUTHORIZED, wg5)
                .when(new RecordWorkingGroupRole("WG2: Inclusiveness", "focal point", null, LATER, DAY, true))
                .then(new WorkingGroupRoleRecorded("WG2: Inclusiveness", "focal point", null, LATER, DAY, true));
        assertThat(liaison.workingGroupRoles()).extracting(Liaison.WorkingGroupRole::workingGroup)
                .containsExactly("WG5: IO Coordination", "WG2: Inclusiveness");

        Liaison changed = (Liaison) spec.given(PROPOSED, AUTHORIZED, wg5)
                .when(new RecordWorkingGroupRole("WG5: IO Coordination", "focal point", null, LATER, DAY, true))
                .then(new WorkingGroupRoleRecorded("WG5: IO Coordination", "focal point", null, LATER, DAY, true));
        assertThat(changed.workingGroupRoles()).extracting(Liaison.WorkingGroupRole::role).containsExactly("focal point");

        spec.given(PROPOSED, AUTHORIZED, wg5)
                .when(new RecordWorkingGroupRole("WG5: IO Coordination", "co-focal point", null, LATER, DAY, true))
                .then();
    }

    @Test
    void refuses_a_working_group_role_before_the_cipm_authorized_the_liaison() {
        spec.given(PROPOSED).when(new RecordWorkingGroupRole("WP.6", "project lead", null, LATER, DAY, true))
                .thenRejected("not-authorized");
    }

    // --- ending ----------------------------------------------------------------------------

    @Test
    void terminates_or_expires_with_a_reason() {
        Liaison terminated = (Liaison) spec.given(PROPOSED).when(new EndLiaison(Ending.TERMINATED, "withdrawn", LATER, DAY, true))
                .then(TERMINATED);
        assertThat(terminated.status()).isEqualTo(LiaisonStatus.TERMINATED);
        assertThat(terminated.termination().reason()).isEqualTo("withdrawn");

        Liaison expired = (Liaison) spec.given(PROPOSED, AUTHORIZED, IN_FORCE)
                .when(new EndLiaison(Ending.EXPIRED, "not renewed", LATER, DAY, true))
                .then(new LiaisonEnded(Ending.EXPIRED, "not renewed", LATER, DAY, true));
        assertThat(expired.status()).isEqualTo(LiaisonStatus.EXPIRED);
        assertThat(expired.status().active()).isFalse();
    }

    @Test
    void refuses_any_change_after_termination() {
        LocalDate after = LATER.plusDays(1);
        List<LiaisonCommand> everyCommand = List.of(
                propose(after),
                new AuthorizeLiaison("CIPM/2025-01", null, after, DAY, true),
                new FormalizeLiaison(List.of(), null, null, after, DAY, true),
                new RenewLiaison(LocalDate.of(2031, 1, 1), null, after, DAY, true),
                new NominateFocalPoint("Time Department", null, after, DAY, true),
                new RecordWorkingGroupRole("WG2", "focal point", null, after, DAY, true),
                new EndLiaison(Ending.EXPIRED, "again", after, DAY, true));
        for (LiaisonCommand command : everyCommand) {
            spec.given(PROPOSED, AUTHORIZED, IN_FORCE, TERMINATED).when(command).thenRejected("liaison-ended");
        }
    }

    // --- dates -----------------------------------------------------------------------------

    @Test
    void refuses_a_fact_dated_before_the_latest_fact() {
        spec.given(PROPOSED, AUTHORIZED).when(new FormalizeLiaison(List.of(), null, null, LocalDate.of(2024, 7, 1), MONTH, true))
                .thenRejected("effective-date-before-latest-fact");
    }

    @Test
    void refuses_a_month_or_year_that_is_not_written_as_its_first_day() {
        spec.given().when(new ProposeLiaison(IPCC, LiaisonKind.OBSERVER_STATUS, "Observer", null, LocalDate.of(2024, 8, 15), MONTH, true))
                .thenRejected("date-precision-mismatch");
        spec.given().when(new ProposeLiaison(IPCC, LiaisonKind.OBSERVER_STATUS, "Observer", null, LocalDate.of(2011, 3, 1), YEAR, true))
                .thenRejected("date-precision-mismatch");
    }
}
