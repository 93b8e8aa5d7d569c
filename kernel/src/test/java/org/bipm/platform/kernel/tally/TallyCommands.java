package org.bipm.platform.kernel.tally;

import jakarta.enterprise.context.ApplicationScoped;
import org.bipm.platform.kernel.command.EventSourcedCommands;
import org.bipm.platform.kernel.eventstore.EventCatalog;

@ApplicationScoped
public class TallyCommands extends EventSourcedCommands<TallyCommand, Tally, TallyEvent> {

    public TallyCommands() {
        super(Tally.DECIDER, EventCatalog.of(TallyEvent.class, Tally.UPCASTERS));
    }
}
