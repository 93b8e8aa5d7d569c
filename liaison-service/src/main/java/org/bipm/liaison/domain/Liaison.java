package org.bipm.liaison.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.bipm.platform.kernel.domain.DatePrecision;

/**
 * A liaison as its facts leave it: who with, what kind, about what, where it stands, and the
 * facts that got it there. {@code reviewDue} is the current review date (from the signature or
 * the latest renewal), absent when none was set.
 */
public record Liaison(Partner partner, LiaisonKind kind, String subject, LiaisonStatus status,
                      Proposal proposal, Authorization authorization, Formalization formalization,
                      List<Renewal> renewals, LocalDate reviewDue, FocalPoint focalPoint,
                      List<WorkingGroupRole> workingGroupRoles, Termination termination,
                      LocalDate latestEffectiveDate) implements LiaisonState {

    public record Proposal(LocalDate date, DatePrecision datePrecision, boolean dateStated, String note) {
    }

    public record Authorization(String decisionReference, LocalDate date, DatePrecision datePrecision, boolean dateStated,
                                String note) {
    }

    public record Formalization(List<String> signatories, LocalDate date, DatePrecision datePrecision, boolean dateStated,
                                String note) {
    }

    public record Renewal(LocalDate date, DatePrecision datePrecision, boolean dateStated, LocalDate reviewDue, String note) {
    }

    public record FocalPoint(String name, LocalDate since, DatePrecision datePrecision, boolean dateStated) {
    }

    public record WorkingGroupRole(String workingGroup, String role, LocalDate since, DatePrecision datePrecision,
                                   boolean dateStated) {
    }

    public record Termination(Ending ending, String reason, LocalDate date, DatePrecision datePrecision, boolean dateStated) {
    }

    static Liaison proposed(LiaisonEvent.LiaisonProposed event) {
        return new Liaison(event.partner(), event.kind(), event.subject(), LiaisonStatus.PROPOSED,
                new Proposal(event.effectiveDate(), event.datePrecision(), event.dateStated(), event.note()),
                null, null, List.of(), null, null, List.of(), null, event.effectiveDate());
    }

    Liaison authorized(Authorization authorization, LocalDate on) {
        return new Liaison(partner, kind, subject, LiaisonStatus.AUTHORIZED, proposal, authorization, formalization,
                renewals, reviewDue, focalPoint, workingGroupRoles, termination, on);
    }

    Liaison formalized(Formalization formalization, LocalDate reviewDue, LocalDate on) {
        return new Liaison(partner, kind, subject, LiaisonStatus.IN_FORCE, proposal, authorization, formalization,
                renewals, reviewDue, focalPoint, workingGroupRoles, termination, on);
    }

    Liaison renewed(Renewal renewal, LocalDate on) {
        List<Renewal> all = new ArrayList<>(renewals);
        all.add(renewal);
        return new Liaison(partner, kind, subject, status, proposal, authorization, formalization,
                List.copyOf(all), renewal.reviewDue() != null ? renewal.reviewDue() : reviewDue,
                focalPoint, workingGroupRoles, termination, on);
    }

    Liaison withFocalPoint(FocalPoint focalPoint, LocalDate on) {
        return new Liaison(partner, kind, subject, status, proposal, authorization, formalization,
                renewals, reviewDue, focalPoint, workingGroupRoles, termination, on);
    }

    /** One role per working group: a new role in a group replaces the previous one. */
    Liaison withWorkingGroupRole(WorkingGroupRole role, LocalDate on) {
        List<WorkingGroupRole> roles = new ArrayList<>(workingGroupRoles);
        roles.removeIf(existing -> existing.workingGroup().equals(role.workingGroup()));
        roles.add(role);
        return new Liaison(partner, kind, subject, status, proposal, authorization, formalization,
                renewals, reviewDue, focalPoint, List.copyOf(roles), termination, on);
    }

    Liaison ended(Termination termination, LocalDate on) {
        return new Liaison(partner, kind, subject, termination.ending().status(), proposal, authorization,
                formalization, renewals, reviewDue, focalPoint, workingGroupRoles, termination, on);
    }

    /** Authorized by the CIPM, whether or not formalized since. */
    boolean authorizedByCipm() {
        return authorization != null;
    }

    String currentRoleIn(String workingGroup) {
        return workingGroupRoles.stream().filter(r -> r.workingGroup().equals(workingGroup))
                .map(WorkingGroupRole::role).findFirst().orElse(null);
    }
}
