package org.bipm.cbkt.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.bipm.cbkt.domain.Person;
import org.bipm.cbkt.domain.PersonCommand;
import org.bipm.cbkt.domain.PersonDecider;
import org.bipm.cbkt.domain.PersonEvent;
import org.bipm.cbkt.domain.PersonEvent.PersonalDataErased;
import org.bipm.cbkt.projection.ActivityProjection;
import org.bipm.platform.kernel.command.EventSourcedCommands;
import org.bipm.platform.kernel.eventstore.EventCatalog;

/** The person streams: recording an erasure destroys the person's key and sealed copies in the same transaction. */
@ApplicationScoped
public class PersonCommands extends EventSourcedCommands<PersonCommand, Person, PersonEvent> {

    @Inject
    PersonKeys keys;
    @Inject
    ActivityProjection projection;

    public PersonCommands() {
        super(new PersonDecider(), EventCatalog.of(PersonEvent.class));
    }

    @Override
    protected void project(String streamId, List<Change<Person, PersonEvent>> changes) {
        for (Change<Person, PersonEvent> change : changes) {
            switch (change.event()) {
                case PersonalDataErased erased -> {
                    keys.destroy(erased.personRef());
                    projection.erase(erased.personRef());
                }
            }
        }
    }
}
