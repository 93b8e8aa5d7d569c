package org.bipm.platform.kernel.domain;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The six Regional Metrology Organizations. */
public enum Rmo {
    AFRIMETS, APMP, COOMET, EURAMET, GULFMET, SIM;

    /** The RMO with this acronym (any case), or a refusal naming the known ones. */
    public static Rmo parse(String acronym) {
        if (acronym != null) {
            for (Rmo rmo : values()) {
                if (rmo.name().equalsIgnoreCase(acronym.trim())) {
                    return rmo;
                }
            }
        }
        throw Rejection.invalid("unknown-rmo", "unknown RMO '" + acronym + "'; known: "
                + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
    }
}
