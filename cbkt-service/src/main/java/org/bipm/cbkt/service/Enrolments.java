package org.bipm.cbkt.service;

import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bipm.cbkt.domain.Activity;
import org.bipm.cbkt.domain.ActivityCommand.Apply;
import org.bipm.cbkt.domain.ActivityCommand.RecordCompletion;
import org.bipm.cbkt.domain.ActivityCommand.Withdraw;
import org.bipm.cbkt.domain.Applicant;
import org.bipm.cbkt.domain.Application;
import org.bipm.cbkt.domain.Nomination;
import org.bipm.cbkt.domain.Outcome;
import org.bipm.cbkt.domain.Person;
import org.bipm.cbkt.domain.PersonCommand.ErasePersonalData;
import org.bipm.cbkt.projection.ActivityQueries;
import org.bipm.cbkt.projection.EnrolmentRow;
import org.bipm.cbkt.projection.EnrolmentView;
import org.bipm.cbkt.projection.FundingEligibility;
import org.bipm.platform.kernel.command.WriteReceipt;
import org.bipm.platform.kernel.domain.Rejection;
import org.bipm.platform.kernel.domain.Rmo;

/**
 * Prepares what the enrolment commands need besides the request: the applicant's key and sealed
 * name and e-mail, whether their country may be funded today, which RMO nominates, who may withdraw;
 * and discloses personal data on reads only to those allowed to see it.
 */
@ApplicationScoped
public class Enrolments {

    private final ActivityCommands activities;
    private final PersonCommands persons;
    private final PersonKeys keys;
    private final FundingEligibility eligibility;
    private final ActivityQueries queries;
    private final Calendar calendar;

    public Enrolments(ActivityCommands activities, PersonCommands persons, PersonKeys keys, FundingEligibility eligibility,
                      ActivityQueries queries, Calendar calendar) {
        this.activities = activities;
        this.persons = persons;
        this.keys = keys;
        this.eligibility = eligibility;
        this.queries = queries;
        this.calendar = calendar;
    }

    /** The person applying, in clear only in this request: sealed before anything is stored. */
    public record Participant(String name, String email, String institute, String country) {
    }

    /** The outcome of an application, and the write that recorded it. */
    public record Decision(String applicationId, String personRef, Outcome outcome, boolean funded, String reason,
                           String reasonText, WriteReceipt receipt) {
    }

    /**
     * The RMO an application is made for: an RMO secretariat's own (from its token), which it may repeat
     * but not change; a coordinator's must be named.
     */
    public Rmo nominatingRmo(Viewer caller, String requested) {
        if (caller.coordinator()) {
            if (requested == null || requested.isBlank()) {
                throw Rejection.invalid("rmo-missing", "name the nominating RMO (rmo)");
            }
            return Rmo.parse(requested);
        }
        if (caller.secretariatOf() == null) {
            throw new ForbiddenException("the token names no RMO (claim 'rmo') this secretariat acts for");
        }
        if (requested != null && !requested.isBlank() && Rmo.parse(requested) != caller.secretariatOf()) {
            throw new ForbiddenException("the secretariat of " + caller.secretariatOf() + " nominates for " + caller.secretariatOf() + " only");
        }
        return caller.secretariatOf();
    }

    public Decision apply(String activityId, Participant participant, Rmo rmo, boolean fundingRequested) {
        LocalDate today = calendar.today();
        // refuse what does not depend on the person before a key is made for them (the decider checks again)
        activities.load(activityId).state().requireOpenForApplications(today);
        PersonKey key = keys.forEmail(participant.email());
        Applicant applicant = new Applicant(key.personRef(), key.seal("name", participant.name().trim()),
                key.seal("email", participant.email().trim()), participant.institute(), participant.country());
        boolean eligible = eligibility.on(participant.country(), today).eligible();
        WriteReceipt receipt = activities.handle(activityId, new Apply(new Nomination(applicant, rmo, fundingRequested, eligible), today));
        return decision(activityId, receipt);
    }

    /** Read back by the version of the outcome's event, so a replayed Idempotency-Key answers the same decision. */
    private Decision decision(String activityId, WriteReceipt receipt) {
        EnrolmentRow row = queries.decidedAt(activityId, receipt.events().getFirst().version()).orElseThrow();
        return switch (row.outcome()) {
            // accepted outright: funded exactly when funding was requested (else it would be ACCEPTED_WITHOUT_FUNDING)
            case ACCEPTED -> new Decision(row.applicationId(), row.personRef(), Outcome.ACCEPTED, row.fundingRequested(), null, null, receipt);
            case ACCEPTED_WITHOUT_FUNDING -> new Decision(row.applicationId(), row.personRef(), Outcome.ACCEPTED_WITHOUT_FUNDING, false,
                    row.fundingRefusal().name(), row.fundingRefusal().description(), receipt);
            case WAITLISTED -> new Decision(row.applicationId(), row.personRef(), Outcome.WAITLISTED, false,
                    row.waitlistReason().name(), row.waitlistReason().description(), receipt);
        };
    }

    /** By a coordinator, or by the secretariat of the RMO that nominated the participant. */
    public WriteReceipt withdraw(String activityId, String applicationId, Viewer caller, LocalDate date) {
        Application application = existing(activityId, applicationId);
        if (!caller.coordinator() && caller.secretariatOf() != application.rmo()) {
            throw new ForbiddenException("only a coordinator or the secretariat of " + application.rmo() + " withdraws this application");
        }
        return activities.handle(activityId, new Withdraw(applicationId, calendar.orToday(date)));
    }

    public WriteReceipt complete(String activityId, String applicationId, LocalDate date) {
        existing(activityId, applicationId);
        return activities.handle(activityId, new RecordCompletion(applicationId, calendar.orToday(date)));
    }

    /** Destroys the person's key and sealed copies and records the erasure; the enrolments stay, anonymous. */
    public WriteReceipt erase(String personRef, LocalDate date) {
        boolean known = !keys.find(List.of(personRef)).isEmpty() || !queries.enrolmentsOf(personRef).isEmpty()
                || persons.currentVersion(Person.streamId(personRef)) > 0;
        if (!known) {
            throw Rejection.notFound("person-not-found", "no person " + personRef + " applied to any activity");
        }
        return persons.handle(Person.streamId(personRef), new ErasePersonalData(personRef, calendar.orToday(date)));
    }

    /** The rows as this viewer may see them: names and e-mails opened only where allowed and not erased. */
    public List<EnrolmentView> disclose(List<EnrolmentRow> rows, Viewer viewer) {
        Set<String> visible = rows.stream().filter(row -> viewer.maySeePersonalDataOf(row.rmo()))
                .map(EnrolmentRow::personRef).collect(Collectors.toSet());
        Map<String, PersonKey> open = keys.find(visible);
        return rows.stream().map(row -> {
            if (!viewer.maySeePersonalDataOf(row.rmo())) {
                return EnrolmentView.of(row, null, null, null, null);
            }
            PersonKey key = open.get(row.personRef());
            if (key == null || row.sealedName() == null) {
                return EnrolmentView.of(row, row.personRef(), null, null, true);
            }
            return EnrolmentView.of(row, row.personRef(), key.open("name", row.sealedName()), key.open("email", row.sealedEmail()), false);
        }).toList();
    }

    private Application existing(String activityId, String applicationId) {
        Activity activity = activities.load(activityId).state();
        if (!activity.exists()) {
            throw Rejection.notFound("activity-not-found", "no activity " + activityId);
        }
        return activity.application(applicationId).orElseThrow(() -> Rejection.notFound("application-not-found",
                "the activity has no application " + applicationId));
    }
}
