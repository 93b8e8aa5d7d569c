package org.bipm.cbkt.domain;

import java.util.List;
import org.bipm.cbkt.domain.PersonCommand.ErasePersonalData;
import org.bipm.cbkt.domain.PersonEvent.PersonalDataErased;
import org.bipm.platform.kernel.domain.Decider;
import org.bipm.platform.kernel.domain.EffectiveDates;
import org.bipm.platform.kernel.domain.Rejection;

/** A person's personal data is erased once; the enrolments, counts and statistics stay. */
public final class PersonDecider implements Decider<PersonCommand, Person, PersonEvent> {

    @Override
    public Person initialState() {
        return Person.ON_RECORD;
    }

    @Override
    public List<PersonEvent> decide(PersonCommand command, Person person) {
        return switch (command) {
            case ErasePersonalData erase -> {
                if (person.erasedOn() != null) {
                    throw new Rejection("personal-data-already-erased", "the person's data was erased on " + person.erasedOn());
                }
                EffectiveDates.requireNotBefore(null, erase.effectiveDate());
                yield List.of(new PersonalDataErased(erase.personRef(), erase.effectiveDate()));
            }
        };
    }

    @Override
    public Person evolve(Person person, PersonEvent event) {
        return switch (event) {
            case PersonalDataErased erased -> new Person(erased.effectiveDate());
        };
    }
}
