package org.bipm.cbkt.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bipm.platform.kernel.domain.Rejection;
import org.bipm.platform.kernel.domain.Rmo;

/**
 * The state of one activity's stream: what it is, its schedule and quotas, and every application in
 * the order it was made (application {@code A0001} first). All quota decisions read this state, and
 * the stream's optimistic concurrency makes them one at a time.
 */
public record Activity(String activityId, Status status, ActivityDetails details, Schedule schedule, Capacity capacity,
                       List<Application> applications, LocalDate latest) {

    public enum Status { NONE, DRAFT, PUBLISHED, CANCELLED }

    public static final Activity NONE = new Activity(null, Status.NONE, null, null, null, List.of(), null);

    public boolean exists() {
        return status != Status.NONE;
    }

    /**
     * Refuses an application made on {@code date} unless the activity is published, not cancelled and
     * before its deadline: the refusals that do not depend on who applies.
     */
    public void requireOpenForApplications(LocalDate date) {
        switch (status) {
            case NONE -> throw Rejection.notFound("activity-not-found", "no such activity");
            case CANCELLED -> throw new Rejection("activity-cancelled", "the activity is cancelled");
            case DRAFT -> throw new Rejection("activity-not-published", "the activity is not open for applications until it is published");
            case PUBLISHED -> {
                if (schedule.closedOn(date)) {
                    throw new Rejection("application-deadline-passed", "applications closed on " + schedule.applicationDeadline());
                }
            }
        }
    }

    public long seatsTaken() {
        return applications.stream().filter(Application::holdsSeat).count();
    }

    public long seatsTaken(Rmo rmo) {
        return applications.stream().filter(a -> a.holdsSeat() && a.rmo() == rmo).count();
    }

    public long fundedSeatsTaken(Rmo rmo) {
        return applications.stream().filter(a -> a.holdsSeat() && a.funded() && a.rmo() == rmo).count();
    }

    /** Why an application nominated by {@code rmo} cannot have a seat now; empty when it fits every seat quota. */
    public Optional<WaitlistReason> seatRefusal(Rmo rmo) {
        if (capacity.totalSeats() != null && seatsTaken() >= capacity.totalSeats()) {
            return Optional.of(WaitlistReason.SEATS_FULL);
        }
        if (capacity.seatsPerRmo() != null && seatsTaken(rmo) >= capacity.seatsPerRmo()) {
            return Optional.of(WaitlistReason.RMO_SEATS_FULL);
        }
        return Optional.empty();
    }

    /** Why a nomination that asks for funding cannot be funded now; empty when it can. */
    public Optional<FundingRefusal> fundingRefusal(Nomination nomination) {
        if (!nomination.countryEligibleForFunding()) {
            return Optional.of(FundingRefusal.COUNTRY_NOT_ELIGIBLE);
        }
        if (capacity.fundedSeatsPerRmo() != null && fundedSeatsTaken(nomination.rmo()) >= capacity.fundedSeatsPerRmo()) {
            return Optional.of(FundingRefusal.RMO_FUNDED_SEATS_FULL);
        }
        return Optional.empty();
    }

    public Optional<Application> application(String applicationId) {
        return applications.stream().filter(a -> a.applicationId().equals(applicationId)).findFirst();
    }

    /** Whether the person already has an application that was not withdrawn. */
    public boolean hasActiveApplication(String personRef) {
        return applications.stream().anyMatch(a -> a.standing() != Application.Standing.WITHDRAWN && a.personRef().equals(personRef));
    }

    /** Applications are numbered in the order they are made: A0001, A0002, ... */
    public String nextApplicationId() {
        return "A%04d".formatted(applications.size() + 1);
    }

    Activity with(Status newStatus, Schedule newSchedule, LocalDate date) {
        return new Activity(activityId, newStatus, details, newSchedule, capacity, applications, date);
    }

    Activity adding(Application application, LocalDate date) {
        List<Application> more = new ArrayList<>(applications.size() + 1);
        more.addAll(applications);
        more.add(application);
        return new Activity(activityId, status, details, schedule, capacity, List.copyOf(more), date);
    }

    Activity replacing(Application application, LocalDate date) {
        List<Application> changed = new ArrayList<>(applications);
        changed.replaceAll(a -> a.applicationId().equals(application.applicationId()) ? application : a);
        return new Activity(activityId, status, details, schedule, capacity, List.copyOf(changed), date);
    }
}
