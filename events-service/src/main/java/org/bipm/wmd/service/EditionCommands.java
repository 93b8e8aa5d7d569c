package org.bipm.wmd.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.bipm.platform.kernel.command.EventSourcedCommands;
import org.bipm.platform.kernel.command.WriteReceipt;
import org.bipm.platform.kernel.eventstore.EventCatalog;
import org.bipm.wmd.domain.Edition;
import org.bipm.wmd.domain.EditionCommand;
import org.bipm.wmd.domain.EditionDecider;
import org.bipm.wmd.domain.EditionEvent;
import org.bipm.wmd.projection.EditionProjection;

/** Runs commands against the edition streams ({@code WMD-<year>}) and keeps the read model with them. */
@ApplicationScoped
public class EditionCommands extends EventSourcedCommands<EditionCommand, Edition, EditionEvent> {

    @Inject
    EditionProjection projection;

    public EditionCommands() {
        super(new EditionDecider(), EventCatalog.of(EditionEvent.class));
    }

    /** Handles a command for the edition of {@code year}, in the context of the current request. */
    public WriteReceipt handle(int year, EditionCommand command) {
        return handle(Edition.streamId(year), command);
    }

    @Override
    protected void project(String streamId, List<Change<Edition, EditionEvent>> changes) {
        projection.apply(streamId, changes);
    }
}
