package org.bipm.cbkt.service;

import org.bipm.platform.kernel.domain.Rmo;

/**
 * Who reads or acts, as far as personal data is concerned: a CBKT coordinator sees every participant's
 * name and e-mail; an RMO secretariat those of the participants its RMO nominated; anyone else none.
 */
public record Viewer(boolean coordinator, Rmo secretariatOf) {

    public static final Viewer PUBLIC = new Viewer(false, null);

    public boolean maySeePersonalDataOf(Rmo nominatingRmo) {
        return coordinator || secretariatOf != null && secretariatOf == nominatingRmo;
    }
}
