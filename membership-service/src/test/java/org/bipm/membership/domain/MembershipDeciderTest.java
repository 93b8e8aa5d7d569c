package org.bipm.membership.domain;

import org.bipm.platform.kernel.domain.DatePrecision;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.bipm.membership.domain.MembershipCommand.Accede;
import org.bipm.membership.domain.MembershipCommand.AdmitAssociate;
import org.bipm.membership.domain.MembershipCommand.ChangeRmo;
import org.bipm.membership.domain.MembershipCommand.DesignateInstitute;
import org.bipm.membership.domain.MembershipCommand.Exclude;
import org.bipm.membership.domain.MembershipCommand.Reinstate;
import org.bipm.membership.domain.MembershipCommand.SignMra;
import org.bipm.membership.domain.MembershipCommand.Suspend;
import org.bipm.membership.domain.MembershipCommand.Withdraw;
import org.bipm.membership.domain.MembershipEvent.AccededToConvention;
import org.bipm.membership.domain.MembershipEvent.AssociateAdmitted;
import org.bipm.membership.domain.MembershipEvent.CipmMraSigned;
import org.bipm.membership.domain.MembershipEvent.InstituteDesignated;
import org.bipm.membership.domain.MembershipEvent.ParticipantExcluded;
import org.bipm.membership.domain.MembershipEvent.ParticipantReinstated;
import org.bipm.membership.domain.MembershipEvent.ParticipantSuspended;
import org.bipm.membership.domain.MembershipEvent.ParticipantWithdrew;
import org.bipm.membership.domain.MembershipEvent.RmoAffiliationChanged;
import org.bipm.membership.domain.Participant.Known;
import org.bipm.platform.kernel.domain.DeciderSpec;
import org.bipm.platform.kernel.domain.Rmo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MembershipDeciderTest {

    private static final DeciderSpec<MembershipCommand, Participant, MembershipEvent> SPEC = DeciderSpec.of(new MembershipDecider());
    private static final LocalDate MARCH_2023 = LocalDate.of(2023, 3, 1);
    private static final LocalDate LATER = LocalDate.of(2024, 5, 20);
    private static final DatePrecision DAY = DatePrecision.DAY;
    private static final String ANNEX = "annex, March 2023";

    private static final AssociateAdmitted GHANA_ADMITTED =
            new AssociateAdmitted("Ghana", Category.ASSOCIATE_STATE, List.of(), MARCH_2023, DatePrecision.MONTH, ANNEX);
    private static final AccededToConvention KENYA_ACCEDED =
            new AccededToConvention("Kenya", false, MARCH_2023, DatePrecision.MONTH, ANNEX);
    private static final List<Constituent> CARICOM_STATES = List.of(new Constituent("BB", "Barbados"), new Constituent("GY", "Guyana"));
    private static final AssociateAdmitted CARICOM_ADMITTED =
            new AssociateAdmitted("CARICOM", Category.ASSOCIATE_ECONOMY, CARICOM_STATES, MARCH_2023, DatePrecision.MONTH, ANNEX);
    private static final CipmMraSigned MRA_SIGNED = new CipmMraSigned(MARCH_2023, DAY, null);

    // --- joining ---------------------------------------------------------------------------------

    @Test
    void admits_a_new_associate_state() {
        Participant after = SPEC.given()
                .when(new AdmitAssociate("GH", " Ghana ", Category.ASSOCIATE_STATE, null, MARCH_2023, DatePrecision.MONTH, ANNEX))
                .then(GHANA_ADMITTED);
        assertThat(after).isEqualTo(new Known("Ghana", Category.ASSOCIATE_STATE, Status.ACTIVE, null, List.of(), null, List.of(), MARCH_2023));
    }

    @Test
    void admits_an_associate_economy_with_the_states_it_is_made_of() {
        Known after = (Known) SPEC.given()
                .when(new AdmitAssociate("CARICOM", "CARICOM", Category.ASSOCIATE_ECONOMY, CARICOM_STATES, MARCH_2023, DatePrecision.MONTH, ANNEX))
                .then(CARICOM_ADMITTED);
        assertThat(after.category()).isEqualTo(Category.ASSOCIATE_ECONOMY);
        assertThat(after.composition()).containsExactlyElementsOf(CARICOM_STATES);
    }

    @Test
    void a_new_participant_accedes_as_a_member_state() {
        Known after = (Known) SPEC.given()
                .when(new Accede("KE", "Kenya", MARCH_2023, DatePrecision.MONTH, ANNEX))
                .then(KENYA_ACCEDED);
        assertThat(after.category()).isEqualTo(Category.MEMBER_STATE);
        assertThat(after.status()).isEqualTo(Status.ACTIVE);
    }

    @Test
    void an_associate_state_accedes_and_its_history_keeps_both_facts() {
        Known after = (Known) SPEC.given(GHANA_ADMITTED, MRA_SIGNED)
                .when(new Accede("GH", null, LATER, null, null))
                .then(new AccededToConvention("Ghana", true, LATER, DAY, null));
        assertThat(after.category()).isEqualTo(Category.MEMBER_STATE);
        assertThat(after.mraSignedOn()).as("the signature stays with the State").isEqualTo(MARCH_2023);
    }

    @Test
    void a_participant_that_withdrew_may_be_admitted_again_and_starts_afresh() {
        Known after = (Known) SPEC.given(KENYA_ACCEDED, MRA_SIGNED, new ParticipantWithdrew(LATER, DAY, null))
                .when(new AdmitAssociate("KE", "Kenya", Category.ASSOCIATE_STATE, List.of(), LATER, DAY, null))
                .then(new AssociateAdmitted("Kenya", Category.ASSOCIATE_STATE, List.of(), LATER, DAY, null));
        assertThat(after.status()).isEqualTo(Status.ACTIVE);
        assertThat(after.mraSignedOn()).isNull();
    }

    @Test
    void a_participant_that_was_excluded_may_accede_again() {
        SPEC.given(GHANA_ADMITTED, new ParticipantExcluded("arrears", LATER, DAY, null))
                .when(new Accede("GH", null, LATER, DAY, null))
                .then(new AccededToConvention("Ghana", false, LATER, DAY, null));
    }

    @Test
    void refuses_accession_of_a_member_state() {
        SPEC.given(KENYA_ACCEDED).when(new Accede("KE", "Kenya", LATER, DAY, null)).thenRejected("already-member-state");
    }

    @Test
    void refuses_accession_of_an_associate_economy() {
        SPEC.given(CARICOM_ADMITTED).when(new Accede("CARICOM", null, LATER, DAY, null)).thenRejected("economies-cannot-accede");
    }

    @Test
    void refuses_accession_of_a_suspended_associate() {
        SPEC.given(GHANA_ADMITTED, new ParticipantSuspended("arrears", MARCH_2023, DAY, null))
                .when(new Accede("GH", null, LATER, DAY, null))
                .thenRejected("participant-suspended");
    }

    @Test
    void refuses_admitting_a_participant_that_already_takes_part() {
        SPEC.given(GHANA_ADMITTED)
                .when(new AdmitAssociate("GH", "Ghana", Category.ASSOCIATE_STATE, List.of(), LATER, DAY, null))
                .thenRejected("participant-exists");
        SPEC.given(KENYA_ACCEDED)
                .when(new AdmitAssociate("KE", "Kenya", Category.ASSOCIATE_STATE, List.of(), LATER, DAY, null))
                .thenRejected("participant-exists");
    }

    @Test
    void refuses_admitting_a_member_state_as_an_associate_category() {
        SPEC.given().when(new AdmitAssociate("GH", "Ghana", Category.MEMBER_STATE, List.of(), LATER, DAY, null))
                .thenRejected("associate-category-required");
        SPEC.given().when(new AdmitAssociate("GH", "Ghana", null, List.of(), LATER, DAY, null))
                .thenRejected("associate-category-required");
    }

    @Test
    void refuses_a_composition_for_an_associate_state() {
        SPEC.given().when(new AdmitAssociate("GH", "Ghana", Category.ASSOCIATE_STATE, CARICOM_STATES, LATER, DAY, null))
                .thenRejected("composition-only-for-economies");
    }

    @Test
    void refuses_a_constituent_without_an_iso_code_or_a_name() {
        SPEC.given().when(new AdmitAssociate("CARICOM", "CARICOM", Category.ASSOCIATE_ECONOMY,
                List.of(new Constituent("Barbados", "Barbados")), LATER, DAY, null)).thenRejected("invalid-constituent");
        SPEC.given().when(new AdmitAssociate("CARICOM", "CARICOM", Category.ASSOCIATE_ECONOMY,
                List.of(new Constituent("BB", " ")), LATER, DAY, null)).thenRejected("invalid-constituent");
    }

    @Test
    void refuses_a_new_participant_without_a_name() {
        SPEC.given().when(new AdmitAssociate("GH", " ", Category.ASSOCIATE_STATE, List.of(), LATER, DAY, null))
                .thenRejected("participant-name-missing");
        SPEC.given().when(new Accede("KE", null, LATER, DAY, null)).thenRejected("participant-name-missing");
    }

    @Test
    void refuses_a_fact_without_an_effective_date() {
        SPEC.given().when(new Accede("KE", "Kenya", null, DAY, null)).thenRejected("effective-date-missing");
        SPEC.given(KENYA_ACCEDED).when(new SignMra("KE", null, DAY, null)).thenRejected("effective-date-missing");
    }

    // --- codes -----------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"kr", "K", "XX", "KOR1!", "caricom", "CARI COM", "1AB", "AB", "A-VERY-LONG-IDENTIFIER-X", ""})
    void refuses_bad_codes(String code) {
        SPEC.given().when(new Accede(code, "Somewhere", LATER, DAY, null)).thenRejected("invalid-participant-code");
    }

    @ParameterizedTest
    @ValueSource(strings = {"KR", "TW", "HK", "CARICOM", "NEW-ECONOMY-2"})
    void accepts_iso_codes_and_upper_case_identifiers(String code) {
        assertThat(ParticipantCode.requireValid(code)).isEqualTo(code);
    }

    // --- facts while taking part ------------------------------------------------------------------

    @Test
    void sets_then_changes_the_rmo_affiliation() {
        Known after = (Known) SPEC.given(KENYA_ACCEDED)
                .when(new ChangeRmo("KE", "afrimets", LATER, DAY, null))
                .then(new RmoAffiliationChanged(Rmo.AFRIMETS, null, LATER, DAY, null));
        assertThat(after.rmo()).isEqualTo(Rmo.AFRIMETS);
        SPEC.given(KENYA_ACCEDED, new RmoAffiliationChanged(Rmo.AFRIMETS, null, LATER, DAY, null))
                .when(new ChangeRmo("KE", "GULFMET", LATER, DAY, null))
                .then(new RmoAffiliationChanged(Rmo.GULFMET, Rmo.AFRIMETS, LATER, DAY, null));
    }

    @Test
    void refuses_an_unknown_rmo() {
        SPEC.given(KENYA_ACCEDED).when(new ChangeRmo("KE", "OIML", LATER, DAY, null)).thenRejected("unknown-rmo");
    }

    @Test
    void refuses_the_rmo_it_already_belongs_to() {
        SPEC.given(KENYA_ACCEDED, new RmoAffiliationChanged(Rmo.AFRIMETS, null, LATER, DAY, null))
                .when(new ChangeRmo("KE", "AFRIMETS", LATER, DAY, null))
                .thenRejected("rmo-unchanged");
    }

    @Test
    void suspends_for_arrears_and_reinstates() {
        Known suspended = (Known) SPEC.given(KENYA_ACCEDED)
                .when(new Suspend("KE", "arrears", LATER, DAY, null))
                .then(new ParticipantSuspended("arrears", LATER, DAY, null));
        assertThat(suspended.status()).isEqualTo(Status.SUSPENDED);
        assertThat(suspended.category()).as("a suspended Member State is still one").isEqualTo(Category.MEMBER_STATE);
        Known reinstated = (Known) SPEC.given(KENYA_ACCEDED, new ParticipantSuspended("arrears", LATER, DAY, null))
                .when(new Reinstate("KE", LATER, DAY, null))
                .then(new ParticipantReinstated(LATER, DAY, null));
        assertThat(reinstated.status()).isEqualTo(Status.ACTIVE);
    }

    @Test
    void refuses_suspending_a_suspended_participant() {
        SPEC.given(KENYA_ACCEDED, new ParticipantSuspended("arrears", LATER, DAY, null))
                .when(new Suspend("KE", "arrears", LATER, DAY, null))
                .thenRejected("already-suspended");
    }

    @Test
    void refuses_reinstating_a_participant_that_is_not_suspended() {
        SPEC.given(KENYA_ACCEDED).when(new Reinstate("KE", LATER, DAY, null)).thenRejected("not-suspended");
    }

    @Test
    void a_suspended_participant_may_withdraw_or_be_excluded() {
        ParticipantSuspended suspended = new ParticipantSuspended("arrears", MARCH_2023, DAY, null);
        Known withdrew = (Known) SPEC.given(KENYA_ACCEDED, suspended).when(new Withdraw("KE", LATER, DAY, null))
                .then(new ParticipantWithdrew(LATER, DAY, null));
        assertThat(withdrew.status()).isEqualTo(Status.WITHDRAWN);
        Known excluded = (Known) SPEC.given(KENYA_ACCEDED, suspended).when(new Exclude("KE", "arrears", LATER, DAY, null))
                .then(new ParticipantExcluded("arrears", LATER, DAY, null));
        assertThat(excluded.status()).isEqualTo(Status.EXCLUDED);
    }

    @Test
    void signs_the_cipm_mra_and_designates_institutes() {
        SPEC.given(KENYA_ACCEDED).when(new SignMra("KE", MARCH_2023, null, null)).then(MRA_SIGNED);
        Known after = (Known) SPEC.given(KENYA_ACCEDED, MRA_SIGNED)
                .when(new DesignateInstitute("KE", "KEBS", DesignatedInstitute.Kind.NMI, LATER, DAY, null))
                .then(new InstituteDesignated("KEBS", DesignatedInstitute.Kind.NMI, LATER, DAY, null));
        assertThat(after.designatedInstitutes())
                .containsExactly(new DesignatedInstitute("KEBS", DesignatedInstitute.Kind.NMI, LATER));
    }

    @Test
    void refuses_a_second_signature_of_the_cipm_mra() {
        SPEC.given(KENYA_ACCEDED, MRA_SIGNED).when(new SignMra("KE", LATER, DAY, null)).thenRejected("mra-already-signed");
    }

    @Test
    void refuses_designating_an_institute_before_signing_the_cipm_mra() {
        SPEC.given(KENYA_ACCEDED)
                .when(new DesignateInstitute("KE", "KEBS", DesignatedInstitute.Kind.NMI, LATER, DAY, null))
                .thenRejected("mra-not-signed");
    }

    @Test
    void refuses_an_institute_without_a_name() {
        SPEC.given(KENYA_ACCEDED, MRA_SIGNED)
                .when(new DesignateInstitute("KE", " ", DesignatedInstitute.Kind.DESIGNATED_INSTITUTE, LATER, DAY, null))
                .thenRejected("institute-name-missing");
    }

    @Test
    void refuses_designating_an_institute_twice() {
        SPEC.given(KENYA_ACCEDED, MRA_SIGNED, new InstituteDesignated("KEBS", DesignatedInstitute.Kind.NMI, LATER, DAY, null))
                .when(new DesignateInstitute("KE", "kebs", DesignatedInstitute.Kind.DESIGNATED_INSTITUTE, LATER, DAY, null))
                .thenRejected("institute-already-designated");
    }

    // --- rules every change obeys ------------------------------------------------------------------

    /** Every command that changes an existing participant, dated LATER. */
    static Stream<MembershipCommand> changes() {
        return Stream.of(
                new ChangeRmo("KE", "AFRIMETS", LATER, DAY, null),
                new Suspend("KE", "arrears", LATER, DAY, null),
                new Reinstate("KE", LATER, DAY, null),
                new Withdraw("KE", LATER, DAY, null),
                new Exclude("KE", "arrears", LATER, DAY, null),
                new SignMra("KE", LATER, DAY, null),
                new DesignateInstitute("KE", "KEBS", DesignatedInstitute.Kind.NMI, LATER, DAY, null));
    }

    @ParameterizedTest
    @MethodSource("changes")
    void refuses_changes_to_an_unknown_participant(MembershipCommand change) {
        SPEC.given().when(change).thenRejected("participant-not-found");
    }

    @ParameterizedTest
    @MethodSource("changes")
    void refuses_any_change_to_a_participant_that_withdrew(MembershipCommand change) {
        SPEC.given(KENYA_ACCEDED, MRA_SIGNED, new ParticipantSuspended("arrears", LATER, DAY, null), new ParticipantWithdrew(LATER, DAY, null))
                .when(change).thenRejected("participant-withdrawn");
    }

    @ParameterizedTest
    @MethodSource("changes")
    void refuses_any_change_to_a_participant_that_was_excluded(MembershipCommand change) {
        SPEC.given(KENYA_ACCEDED, MRA_SIGNED, new ParticipantSuspended("arrears", LATER, DAY, null), new ParticipantExcluded(null, LATER, DAY, null))
                .when(change).thenRejected("participant-excluded");
    }

    @ParameterizedTest
    @MethodSource("changes")
    void refuses_a_change_dated_before_the_latest_fact(MembershipCommand change) {
        LocalDate later = LATER.plusDays(1);
        SPEC.given(KENYA_ACCEDED, new CipmMraSigned(later, DAY, null), new ParticipantSuspended("arrears", later, DAY, null))
                .when(change).thenRejected("effective-date-before-latest-fact");
    }

    @Test
    void refuses_joining_again_before_the_latest_fact() {
        ParticipantWithdrew withdrew = new ParticipantWithdrew(LATER, DAY, null);
        SPEC.given(KENYA_ACCEDED, withdrew).when(new Accede("KE", null, MARCH_2023, DAY, null))
                .thenRejected("effective-date-before-latest-fact");
        SPEC.given(KENYA_ACCEDED, withdrew)
                .when(new AdmitAssociate("KE", "Kenya", Category.ASSOCIATE_STATE, List.of(), MARCH_2023, DAY, null))
                .thenRejected("effective-date-before-latest-fact");
        SPEC.given(GHANA_ADMITTED).when(new Accede("GH", null, MARCH_2023.minusDays(1), DAY, null))
                .thenRejected("effective-date-before-latest-fact");
    }

    @Test
    void a_fact_on_the_same_day_as_the_latest_is_accepted_and_precision_defaults_to_day() {
        SPEC.given(KENYA_ACCEDED).when(new SignMra("KE", MARCH_2023, null, "CIPM MRA")).then(new CipmMraSigned(MARCH_2023, DAY, "CIPM MRA"));
    }
}
