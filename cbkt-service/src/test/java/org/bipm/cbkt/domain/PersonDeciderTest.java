package org.bipm.cbkt.domain;

import java.time.LocalDate;
import org.bipm.cbkt.domain.PersonCommand.ErasePersonalData;
import org.bipm.cbkt.domain.PersonEvent.PersonalDataErased;
import org.bipm.platform.kernel.domain.DeciderSpec;
import org.junit.jupiter.api.Test;

class PersonDeciderTest {

    private static final DeciderSpec<PersonCommand, Person, PersonEvent> SPEC = DeciderSpec.of(new PersonDecider());
    private static final LocalDate TODAY = LocalDate.of(2025, 2, 1);

    @Test
    void records_the_erasure_of_a_persons_data_without_personal_data() {
        SPEC.given().when(new ErasePersonalData("0b6f", TODAY)).then(new PersonalDataErased("0b6f", TODAY));
    }

    @Test
    void refuses_to_erase_twice() {
        SPEC.given(new PersonalDataErased("0b6f", TODAY)).when(new ErasePersonalData("0b6f", TODAY.plusDays(1)))
                .thenRejected("personal-data-already-erased");
    }

    @Test
    void refuses_an_erasure_without_a_date() {
        SPEC.given().when(new ErasePersonalData("0b6f", null)).thenRejected("effective-date-missing");
    }
}
