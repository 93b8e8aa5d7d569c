package org.bipm.membership.domain;

import java.time.LocalDate;

/** An institute taking part in the CIPM MRA for a signatory: its NMI, or an institute it designated. */
public record DesignatedInstitute(String name, Kind kind, LocalDate designatedOn) {

    public enum Kind {
        /** The National Metrology Institute. */
        NMI,
        /** Another institute designated by the signatory for some quantities. */
        DESIGNATED_INSTITUTE
    }
}
