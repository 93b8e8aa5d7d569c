package org.bipm.membership.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.bipm.platform.kernel.domain.Rmo;

/** A participant's state, folded from its stream. */
public sealed interface Participant {

    /** Nothing recorded yet. */
    record Unknown() implements Participant {
    }

    /**
     * A State or Economy with at least one fact. After withdrawal or exclusion it keeps its last category
     * with that status, until it is admitted or accedes again.
     *
     * @param rmo          null while no affiliation is recorded
     * @param mraSignedOn  null while no signature of the CIPM MRA is recorded
     * @param latestFact   the effective date of its latest fact: no new fact may take effect before it
     */
    record Known(String name, Category category, Status status, Rmo rmo, List<Constituent> composition,
                 LocalDate mraSignedOn, List<DesignatedInstitute> designatedInstitutes, LocalDate latestFact)
            implements Participant {

        public Known {
            composition = List.copyOf(composition);
            designatedInstitutes = List.copyOf(designatedInstitutes);
        }

        /** A participant that is admitted or accedes anew: MRA participation does not survive leaving. */
        static Known joining(String name, Category category, List<Constituent> composition, Rmo rmo, LocalDate on) {
            return new Known(name, category, Status.ACTIVE, rmo, composition, null, List.of(), on);
        }

        public boolean participating() {
            return status.participating();
        }

        public boolean hasDesignated(String institute) {
            return designatedInstitutes.stream().anyMatch(i -> i.name().equalsIgnoreCase(institute.strip()));
        }

        Known withCategory(String newName, Category newCategory, LocalDate on) {
            return new Known(newName, newCategory, Status.ACTIVE, rmo, composition, mraSignedOn, designatedInstitutes, on);
        }

        Known withStatus(Status newStatus, LocalDate on) {
            return new Known(name, category, newStatus, rmo, composition, mraSignedOn, designatedInstitutes, on);
        }

        Known withRmo(Rmo newRmo, LocalDate on) {
            return new Known(name, category, status, newRmo, composition, mraSignedOn, designatedInstitutes, on);
        }

        Known withMraSigned(LocalDate on) {
            return new Known(name, category, status, rmo, composition, on, designatedInstitutes, on);
        }

        Known withInstitute(DesignatedInstitute institute) {
            List<DesignatedInstitute> institutes = new ArrayList<>(designatedInstitutes);
            institutes.add(institute);
            return new Known(name, category, status, rmo, composition, mraSignedOn, institutes, institute.designatedOn());
        }
    }
}
