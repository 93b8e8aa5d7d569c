package org.bipm.platform.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.bipm.platform.kernel.eventstore.EventMetadata;
import org.bipm.platform.kernel.eventstore.RecordedEvent;
import org.bipm.platform.kernel.eventstore.Upcasters;
import org.junit.jupiter.api.Test;

class EventUpcastersTest {

    private final ObjectMapper json = new ObjectMapper();
    private final Upcasters upcasters = EventUpcasters.create();

    @Test
    void an_accession_from_associate_status_at_v1_reads_as_v2_from_associate() throws Exception {
        RecordedEvent v2 = upcasters.upcast(accession(1, """
                {"name": "Kazakhstan", "previousCategory": "ASSOCIATE_STATE", "effectiveDate": "2008-02-01",
                 "datePrecision": "MONTH", "source": "annex"}"""));

        assertThat(v2.schemaVersion()).isEqualTo(2);
        assertThat(v2.data()).isEqualTo(json.readTree("""
                {"name": "Kazakhstan", "fromAssociate": true, "effectiveDate": "2008-02-01",
                 "datePrecision": "MONTH", "source": "annex"}"""));
    }

    @Test
    void an_accession_of_a_state_that_did_not_take_part_at_v1_reads_as_v2_not_from_associate() throws Exception {
        RecordedEvent v2 = upcasters.upcast(accession(1, """
                {"name": "Kenya", "previousCategory": null, "effectiveDate": "2023-03-01", "datePrecision": "MONTH", "source": null}"""));

        assertThat(v2.schemaVersion()).isEqualTo(2);
        assertThat(v2.data().has("previousCategory")).isFalse();
        assertThat(v2.data().get("fromAssociate").booleanValue()).isFalse();
    }

    @Test
    void an_accession_at_v2_is_read_as_it_is() throws Exception {
        RecordedEvent v2 = accession(2, """
                {"name": "Kenya", "fromAssociate": false, "effectiveDate": "2023-03-01", "datePrecision": "DAY", "source": null}""");

        assertThat(upcasters.upcast(v2)).isSameAs(v2);
        assertThat(upcasters.currentVersion("AccededToConvention")).isEqualTo(2);
        assertThat(upcasters.currentVersion("AssociateAdmitted")).isEqualTo(1);
    }

    private RecordedEvent accession(int schemaVersion, String data) throws Exception {
        return new RecordedEvent(UUID.randomUUID(), "KZ", 2, "AccededToConvention", schemaVersion, LocalDate.of(2008, 2, 1),
                Instant.now(), (ObjectNode) json.readTree(data), EventMetadata.system("test"), 7);
    }
}
