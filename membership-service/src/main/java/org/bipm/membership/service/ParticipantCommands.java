package org.bipm.membership.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.bipm.membership.domain.MembershipCommand;
import org.bipm.membership.domain.MembershipDecider;
import org.bipm.membership.domain.MembershipEvent;
import org.bipm.membership.domain.Participant;
import org.bipm.membership.projection.ParticipantSnapshots;
import org.bipm.membership.projection.ParticipantView;
import org.bipm.platform.kernel.command.EventSourcedCommands;
import org.bipm.platform.contracts.EventUpcasters;
import org.bipm.platform.kernel.eventstore.EventCatalog;

/** Participants' streams: each command is decided, appended and projected in one transaction. */
@ApplicationScoped
public class ParticipantCommands extends EventSourcedCommands<MembershipCommand, Participant, MembershipEvent> {

    @Inject
    ParticipantSnapshots snapshots;

    public ParticipantCommands() {
        // the same steps as the topic's consumers: events stored in an older schema version read as the current one
        super(new MembershipDecider(), EventCatalog.of(MembershipEvent.class, EventUpcasters.create()));
    }

    @Override
    protected void project(String code, List<Change<Participant, MembershipEvent>> changes) {
        for (Change<Participant, MembershipEvent> change : changes) {
            // every event leaves a Known participant: only admission and accession start a stream
            Participant.Known participant = (Participant.Known) change.stateAfter();
            snapshots.record(change.recorded().version(), change.event().effectiveDate(), ParticipantView.of(code, participant));
        }
    }
}
