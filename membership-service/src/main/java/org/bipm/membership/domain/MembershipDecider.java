package org.bipm.membership.domain;

import org.bipm.platform.kernel.domain.DatePrecision;
import java.util.List;
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
import org.bipm.membership.domain.Participant.Unknown;
import org.bipm.platform.kernel.domain.Decider;
import org.bipm.platform.kernel.domain.EffectiveDates;
import org.bipm.platform.kernel.domain.Rejection;
import org.bipm.platform.kernel.domain.Rmo;

/**
 * The rules of membership. A participant joins by admission as an Associate or by accession to the
 * Metre Convention; while it takes part its RMO, suspension for arrears and CIPM MRA participation
 * are recorded; after it withdrew or was excluded nothing changes until it is admitted or accedes again.
 * No fact may take effect before the participant's latest one.
 */
public final class MembershipDecider implements Decider<MembershipCommand, Participant, MembershipEvent> {

    @Override
    public Participant initialState() {
        return new Unknown();
    }

    @Override
    public List<MembershipEvent> decide(MembershipCommand command, Participant state) {
        ParticipantCode.requireValid(command.code());
        DatePrecision precision = DatePrecision.orDay(command.datePrecision());
        MembershipEvent event = switch (command) {
            case AdmitAssociate admit -> admit(admit, precision, state);
            case Accede accede -> accede(accede, precision, state);
            case ChangeRmo change -> {
                Known participant = participating(state, change);
                Rmo rmo = Rmo.parse(change.rmo());
                if (rmo == participant.rmo()) {
                    throw new Rejection("rmo-unchanged", change.code() + " is already affiliated with " + rmo);
                }
                yield new RmoAffiliationChanged(rmo, participant.rmo(), change.effectiveDate(), precision, change.source());
            }
            case Suspend suspend -> {
                if (participating(state, suspend).status() == Status.SUSPENDED) {
                    throw new Rejection("already-suspended", suspend.code() + " is already suspended");
                }
                yield new ParticipantSuspended(suspend.reason(), suspend.effectiveDate(), precision, suspend.source());
            }
            case Reinstate reinstate -> {
                if (participating(state, reinstate).status() != Status.SUSPENDED) {
                    throw new Rejection("not-suspended", reinstate.code() + " is not suspended");
                }
                yield new ParticipantReinstated(reinstate.effectiveDate(), precision, reinstate.source());
            }
            case Withdraw withdraw -> {
                participating(state, withdraw);
                yield new ParticipantWithdrew(withdraw.effectiveDate(), precision, withdraw.source());
            }
            case Exclude exclude -> {
                participating(state, exclude);
                yield new ParticipantExcluded(exclude.reason(), exclude.effectiveDate(), precision, exclude.source());
            }
            case SignMra sign -> {
                Known participant = participating(state, sign);
                if (participant.mraSignedOn() != null) {
                    throw new Rejection("mra-already-signed", sign.code() + " signed the CIPM MRA on " + participant.mraSignedOn());
                }
                yield new CipmMraSigned(sign.effectiveDate(), precision, sign.source());
            }
            case DesignateInstitute designate -> designate(designate, precision, participating(state, designate));
        };
        return List.of(event);
    }

    private static AssociateAdmitted admit(AdmitAssociate admit, DatePrecision precision, Participant state) {
        if (admit.category() != Category.ASSOCIATE_STATE && admit.category() != Category.ASSOCIATE_ECONOMY) {
            throw Rejection.invalid("associate-category-required",
                    "an Associate is an ASSOCIATE_STATE or an ASSOCIATE_ECONOMY; a Member State accedes instead");
        }
        if (!admit.composition().isEmpty() && admit.category() != Category.ASSOCIATE_ECONOMY) {
            throw Rejection.invalid("composition-only-for-economies", "only an Associate Economy is made of other States");
        }
        admit.composition().forEach(ParticipantCode::requireValidConstituent);
        requireName(admit.name());
        if (state instanceof Known known) {
            if (known.participating()) {
                throw new Rejection("participant-exists", admit.code() + " already takes part as " + known.category());
            }
            EffectiveDates.requireNotBefore(known.latestFact(), admit.effectiveDate());
        } else {
            EffectiveDates.requireNotBefore(null, admit.effectiveDate());
        }
        return new AssociateAdmitted(admit.name().strip(), admit.category(), admit.composition(),
                admit.effectiveDate(), precision, admit.source());
    }

    private static AccededToConvention accede(Accede accede, DatePrecision precision, Participant state) {
        return switch (state) {
            case Unknown unknown -> {
                requireName(accede.name());
                EffectiveDates.requireNotBefore(null, accede.effectiveDate());
                yield new AccededToConvention(accede.name().strip(), false,
                        accede.effectiveDate(), precision, accede.source());
            }
            case Known known -> {
                if (known.participating() && known.category() == Category.MEMBER_STATE) {
                    throw new Rejection("already-member-state", accede.code() + " is already a Member State");
                }
                if (known.category() == Category.ASSOCIATE_ECONOMY) {
                    throw new Rejection("economies-cannot-accede",
                            accede.code() + " is an Economy; only States accede to the Metre Convention");
                }
                if (known.status() == Status.SUSPENDED) {
                    throw new Rejection("participant-suspended", accede.code() + " is suspended; reinstate it first");
                }
                EffectiveDates.requireNotBefore(known.latestFact(), accede.effectiveDate());
                String name = accede.name() == null || accede.name().isBlank() ? known.name() : accede.name().strip();
                // taking part and not a Member State nor an Economy: an Associate State
                yield new AccededToConvention(name, known.participating(),
                        accede.effectiveDate(), precision, accede.source());
            }
        };
    }

    private static InstituteDesignated designate(DesignateInstitute designate, DatePrecision precision, Known participant) {
        if (participant.mraSignedOn() == null) {
            throw new Rejection("mra-not-signed", designate.code() + " has not signed the CIPM MRA");
        }
        if (designate.name() == null || designate.name().isBlank()) {
            throw Rejection.invalid("institute-name-missing", "the designated institute needs a name");
        }
        if (participant.hasDesignated(designate.name())) {
            throw new Rejection("institute-already-designated", designate.name().strip() + " is already designated");
        }
        return new InstituteDesignated(designate.name().strip(), designate.kind(),
                designate.effectiveDate(), precision, designate.source());
    }

    /** The participant a change applies to: it must exist, still take part, and the change must not predate it. */
    private static Known participating(Participant state, MembershipCommand command) {
        if (!(state instanceof Known known)) {
            throw Rejection.notFound("participant-not-found", "no participant " + command.code());
        }
        switch (known.status()) {
            case WITHDRAWN -> throw new Rejection("participant-withdrawn",
                    command.code() + " withdrew; it must be admitted or accede again first");
            case EXCLUDED -> throw new Rejection("participant-excluded",
                    command.code() + " was excluded; it must be admitted or accede again first");
            case ACTIVE, SUSPENDED -> {
            }
        }
        EffectiveDates.requireNotBefore(known.latestFact(), command.effectiveDate());
        return known;
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw Rejection.invalid("participant-name-missing", "a new participant needs a name");
        }
    }

    @Override
    public Participant evolve(Participant state, MembershipEvent event) {
        if (state instanceof Known known) {
            return switch (event) {
                case AssociateAdmitted admitted ->
                        Known.joining(admitted.name(), admitted.category(), admitted.composition(), known.rmo(), admitted.effectiveDate());
                case AccededToConvention acceded -> acceded.fromAssociate()
                        ? known.withCategory(acceded.name(), Category.MEMBER_STATE, acceded.effectiveDate())
                        : Known.joining(acceded.name(), Category.MEMBER_STATE, List.of(), known.rmo(), acceded.effectiveDate());
                case RmoAffiliationChanged changed -> known.withRmo(changed.rmo(), changed.effectiveDate());
                case ParticipantSuspended suspended -> known.withStatus(Status.SUSPENDED, suspended.effectiveDate());
                case ParticipantReinstated reinstated -> known.withStatus(Status.ACTIVE, reinstated.effectiveDate());
                case ParticipantWithdrew withdrew -> known.withStatus(Status.WITHDRAWN, withdrew.effectiveDate());
                case ParticipantExcluded excluded -> known.withStatus(Status.EXCLUDED, excluded.effectiveDate());
                case CipmMraSigned signed -> known.withMraSigned(signed.effectiveDate());
                case InstituteDesignated designated -> known.withInstitute(
                        new DesignatedInstitute(designated.name(), designated.kind(), designated.effectiveDate()));
            };
        }
        return switch (event) {
            case AssociateAdmitted admitted ->
                    Known.joining(admitted.name(), admitted.category(), admitted.composition(), null, admitted.effectiveDate());
            case AccededToConvention acceded ->
                    Known.joining(acceded.name(), Category.MEMBER_STATE, List.of(), null, acceded.effectiveDate());
            default -> throw new IllegalStateException(event.getClass().getSimpleName() + " cannot start a participant's stream");
        };
    }
}
