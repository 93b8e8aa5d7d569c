package org.bipm.liaison.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.bipm.liaison.domain.Liaison.Authorization;
import org.bipm.liaison.domain.Liaison.FocalPoint;
import org.bipm.liaison.domain.Liaison.Formalization;
import org.bipm.liaison.domain.Liaison.Renewal;
import org.bipm.liaison.domain.Liaison.Termination;
import org.bipm.liaison.domain.Liaison.WorkingGroupRole;
import org.bipm.liaison.domain.LiaisonCommand.AuthorizeLiaison;
import org.bipm.liaison.domain.LiaisonCommand.EndLiaison;
import org.bipm.liaison.domain.LiaisonCommand.FormalizeLiaison;
import org.bipm.liaison.domain.LiaisonCommand.NominateFocalPoint;
import org.bipm.liaison.domain.LiaisonCommand.ProposeLiaison;
import org.bipm.liaison.domain.LiaisonCommand.RecordWorkingGroupRole;
import org.bipm.liaison.domain.LiaisonCommand.RenewLiaison;
import org.bipm.liaison.domain.LiaisonCommand.Update;
import org.bipm.liaison.domain.LiaisonEvent.FocalPointNominated;
import org.bipm.liaison.domain.LiaisonEvent.LiaisonAuthorized;
import org.bipm.liaison.domain.LiaisonEvent.LiaisonEnded;
import org.bipm.liaison.domain.LiaisonEvent.LiaisonFormalized;
import org.bipm.liaison.domain.LiaisonEvent.LiaisonProposed;
import org.bipm.liaison.domain.LiaisonEvent.LiaisonRenewed;
import org.bipm.liaison.domain.LiaisonEvent.WorkingGroupRoleRecorded;
import org.bipm.platform.kernel.domain.DatePrecision;
import org.bipm.platform.kernel.domain.Decider;
import org.bipm.platform.kernel.domain.EffectiveDates;
import org.bipm.platform.kernel.domain.Rejection;

/**
 * The rules of a liaison's life:
 * <ul>
 * <li>a liaison is proposed once; while it is active (not ended) no other liaison with the same
 *     partner, kind and subject may be proposed (across streams, the service enforces this too);</li>
 * <li>the CIPM authorizes it once; it can be formalized (signed, admitted, granted) only after
 *     that authorization, and only once;</li>
 * <li>focal points and working-group roles are liaison work: they need the authorization too;</li>
 * <li>only a liaison in force is renewed, and a renewal must move an existing review date forward;</li>
 * <li>a review date comes after the fact that sets it;</li>
 * <li>after it is terminated or expired, nothing changes any more;</li>
 * <li>facts never take effect before the liaison's latest fact, and a date of MONTH or YEAR
 *     precision is written as the first day of that month or year; a fact whose date the
 *     source does not state is recorded on the date by which it had happened.</li>
 * </ul>
 */
public final class LiaisonDecider implements Decider<LiaisonCommand, LiaisonState, LiaisonEvent> {

    @Override
    public LiaisonState initialState() {
        return LiaisonState.UNPROPOSED;
    }

    @Override
    public List<LiaisonEvent> decide(LiaisonCommand command, LiaisonState state) {
        requireDateAsPrecise(command.effectiveDate(), command.datePrecision());
        return switch (command) {
            case ProposeLiaison propose -> switch (state) {
                case LiaisonState.Unproposed unproposed -> List.of(proposed(propose));
                case Liaison liaison -> throw liaison.status().active() ? duplicate(liaison) : ended(liaison);
            };
            case Update update -> switch (state) {
                case LiaisonState.Unproposed unproposed -> throw Rejection.notFound("liaison-not-found", "no such liaison");
                case Liaison liaison -> decide(update, liaison);
            };
        };
    }

    private static List<LiaisonEvent> decide(Update command, Liaison liaison) {
        if (!liaison.status().active()) {
            throw ended(liaison);
        }
        EffectiveDates.requireNotBefore(liaison.latestEffectiveDate(), command.effectiveDate());
        return switch (command) {
            case AuthorizeLiaison authorize -> {
                if (liaison.authorizedByCipm()) {
                    throw new Rejection("already-authorized", "the CIPM already authorized this liaison ("
                            + liaison.authorization().decisionReference() + ")");
                }
                yield List.of(new LiaisonAuthorized(authorize.decisionReference(), authorize.note(),
                        authorize.effectiveDate(), authorize.datePrecision(), authorize.dateStated()));
            }
            case FormalizeLiaison formalize -> {
                requireAuthorized(liaison, "signed or formalized");
                if (liaison.status() == LiaisonStatus.IN_FORCE) {
                    throw new Rejection("already-formalized", "the liaison was already formalized on "
                            + liaison.formalization().date() + "; renew it instead");
                }
                requireReviewAfter(formalize.reviewDue(), formalize.effectiveDate());
                List<String> signatories = formalize.signatories() == null ? List.of() : List.copyOf(formalize.signatories());
                yield List.of(new LiaisonFormalized(signatories, formalize.reviewDue(), formalize.note(),
                        formalize.effectiveDate(), formalize.datePrecision(), formalize.dateStated()));
            }
            case RenewLiaison renew -> {
                if (liaison.status() != LiaisonStatus.IN_FORCE) {
                    throw new Rejection("not-in-force", "only a liaison in force can be renewed; this one is "
                            + liaison.status());
                }
                LocalDate current = liaison.reviewDue();
                if (current != null && (renew.reviewDue() == null || !renew.reviewDue().isAfter(current))) {
                    throw new Rejection("review-date-not-moved-forward", "a renewal must move the review date forward: "
                            + "it is " + current + ", the renewal gives " + renew.reviewDue());
                }
                requireReviewAfter(renew.reviewDue(), renew.effectiveDate());
                yield List.of(new LiaisonRenewed(renew.reviewDue(), renew.note(), renew.effectiveDate(), renew.datePrecision(), renew.dateStated()));
            }
            case NominateFocalPoint nominate -> {
                requireAuthorized(liaison, "given a focal point");
                String current = liaison.focalPoint() == null ? null : liaison.focalPoint().name();
                if (nominate.focalPoint().equals(current)) {
                    yield List.of();
                }
                yield List.of(new FocalPointNominated(nominate.focalPoint(), current, nominate.note(),
                        nominate.effectiveDate(), nominate.datePrecision(), nominate.dateStated()));
            }
            case RecordWorkingGroupRole record -> {
                requireAuthorized(liaison, "given a working-group role");
                if (record.role().equals(liaison.currentRoleIn(record.workingGroup()))) {
                    yield List.of();
                }
                yield List.of(new WorkingGroupRoleRecorded(record.workingGroup(), record.role(), record.note(),
                        record.effectiveDate(), record.datePrecision(), record.dateStated()));
            }
            case EndLiaison end -> List.of(new LiaisonEnded(end.ending(), end.reason(), end.effectiveDate(), end.datePrecision(), end.dateStated()));
        };
    }

    @Override
    public LiaisonState evolve(LiaisonState state, LiaisonEvent event) {
        LocalDate on = event.effectiveDate();
        return switch (event) {
            case LiaisonProposed proposed -> Liaison.proposed(proposed);
            case LiaisonAuthorized authorized -> liaison(state).authorized(new Authorization(authorized.decisionReference(),
                    on, authorized.datePrecision(), authorized.dateStated(), authorized.note()), on);
            case LiaisonFormalized formalized -> liaison(state).formalized(new Formalization(formalized.signatories(),
                    on, formalized.datePrecision(), formalized.dateStated(), formalized.note()), formalized.reviewDue(), on);
            case LiaisonRenewed renewed -> liaison(state).renewed(new Renewal(on, renewed.datePrecision(),
                    renewed.dateStated(), renewed.reviewDue(), renewed.note()), on);
            case FocalPointNominated nominated -> liaison(state).withFocalPoint(new FocalPoint(nominated.focalPoint(),
                    on, nominated.datePrecision(), nominated.dateStated()), on);
            case WorkingGroupRoleRecorded recorded -> liaison(state).withWorkingGroupRole(new WorkingGroupRole(
                    recorded.workingGroup(), recorded.role(), on, recorded.datePrecision(), recorded.dateStated()), on);
            case LiaisonEnded ended -> liaison(state).ended(new Termination(ended.ending(), ended.reason(), on,
                    ended.datePrecision(), ended.dateStated()), on);
        };
    }

    /** Every event after the first finds a proposed liaison: the store keeps streams in order. */
    private static Liaison liaison(LiaisonState state) {
        return (Liaison) state;
    }

    private static LiaisonProposed proposed(ProposeLiaison propose) {
        if (LiaisonKey.slug(Objects.requireNonNullElse(propose.subject(), "")).isEmpty()) {
            throw Rejection.invalid("subject-invalid", "the subject must contain letters or digits");
        }
        return new LiaisonProposed(propose.partner(), propose.kind(), propose.subject().strip(), propose.note(),
                propose.effectiveDate(), propose.datePrecision(), propose.dateStated());
    }

    private static Rejection duplicate(Liaison liaison) {
        return new Rejection("duplicate-active-liaison", "an active liaison with " + liaison.partner().acronym()
                + " of kind " + liaison.kind() + " on '" + liaison.subject() + "' already exists (" + liaison.status() + ")");
    }

    private static Rejection ended(Liaison liaison) {
        return new Rejection("liaison-ended", "the liaison was " + liaison.status().name().toLowerCase()
                + " on " + liaison.termination().date() + "; it cannot change any more");
    }

    private static void requireAuthorized(Liaison liaison, String what) {
        if (!liaison.authorizedByCipm()) {
            throw new Rejection("not-authorized", "the liaison must be authorized by the CIPM before it is " + what);
        }
    }

    private static void requireReviewAfter(LocalDate reviewDue, LocalDate effectiveDate) {
        if (reviewDue != null && !reviewDue.isAfter(effectiveDate)) {
            throw Rejection.invalid("review-date-not-after-effective-date",
                    "the review date " + reviewDue + " must come after the fact's effective date " + effectiveDate);
        }
    }

    private static void requireDateAsPrecise(LocalDate date, DatePrecision precision) {
        if (date == null) {
            throw Rejection.invalid("effective-date-missing", "an effective date is required");
        }
        if (precision == null) {
            throw Rejection.invalid("date-precision-missing", "a date precision is required");
        }
        boolean written = switch (precision) {
            case DAY -> true;
            case MONTH -> date.getDayOfMonth() == 1;
            case YEAR -> date.getDayOfYear() == 1;
        };
        if (!written) {
            throw Rejection.invalid("date-precision-mismatch", "a date of " + precision
                    + " precision is written as the first day of its " + precision.name().toLowerCase()
                    + ", not " + date);
        }
    }
}
