package org.bipm.liaison.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.bipm.liaison.domain.Liaison;
import org.bipm.liaison.domain.LiaisonCommand;
import org.bipm.liaison.domain.LiaisonCommand.ProposeLiaison;
import org.bipm.liaison.domain.LiaisonDecider;
import org.bipm.liaison.domain.LiaisonEvent;
import org.bipm.liaison.domain.LiaisonKey;
import org.bipm.liaison.domain.LiaisonState;
import org.bipm.liaison.projection.LiaisonProjection;
import org.bipm.liaison.projection.LiaisonQueries;
import org.bipm.platform.kernel.command.EventSourcedCommands;
import org.bipm.platform.kernel.command.WriteReceipt;
import org.bipm.platform.kernel.eventstore.EventCatalog;

/** Runs liaison commands against the event store, one stream per liaison, and keeps the read models in step. */
@ApplicationScoped
public class LiaisonCommands extends EventSourcedCommands<LiaisonCommand, LiaisonState, LiaisonEvent> {

    // field injection: the kernel's base class needs this bean to keep a no-args constructor
    @Inject
    LiaisonProjection projection;
    @Inject
    LiaisonQueries queries;

    public LiaisonCommands() {
        super(new LiaisonDecider(), EventCatalog.of(LiaisonEvent.class));
    }

    /**
     * Proposes a liaison under its readable id. While a liaison with the same partner, kind and
     * subject is active, the proposal goes to that stream (where it is refused as a duplicate, or
     * replayed when it carries the same Idempotency-Key); otherwise it opens the first unused
     * generation of the id.
     */
    public WriteReceipt propose(ProposeLiaison command) {
        LiaisonKey key = LiaisonKey.of(command.partner().acronym(), command.kind(), command.subject());
        String id = queries.activeLiaison(key).orElseGet(() -> firstUnusedId(key));
        return handle(id, command);
    }

    private String firstUnusedId(LiaisonKey key) {
        for (int generation = 1; ; generation++) {
            String id = key.liaisonId(generation);
            if (currentVersion(id) == 0) {
                return id;
            }
        }
    }

    @Override
    protected void project(String liaisonId, List<Change<LiaisonState, LiaisonEvent>> changes) {
        for (Change<LiaisonState, LiaisonEvent> change : changes) {
            projection.apply(liaisonId, change.recorded().version(), change.event(), (Liaison) change.stateAfter());
        }
    }
}
