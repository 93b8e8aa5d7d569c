package org.bipm.cbkt.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.bipm.cbkt.service.Viewer;
import org.bipm.platform.kernel.domain.Rmo;
import org.bipm.platform.kernel.security.Roles;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller of the current request, as the personal-data rules see it. */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public Viewer viewer() {
        if (identity.isAnonymous()) {
            return Viewer.PUBLIC;
        }
        return new Viewer(identity.hasRole(Roles.CBKT_COORDINATOR),
                identity.hasRole(Roles.RMO_SECRETARIAT) ? rmoClaim() : null);
    }

    /** The RMO a secretariat's token names; none when it names no known RMO. */
    private Rmo rmoClaim() {
        Object claim = token.getClaim(Roles.RMO_CLAIM);
        if (claim == null) {
            return null;
        }
        String acronym = claim.toString().replace("\"", "").trim();
        for (Rmo rmo : Rmo.values()) {
            if (rmo.name().equalsIgnoreCase(acronym)) {
                return rmo;
            }
        }
        return null;
    }
}
