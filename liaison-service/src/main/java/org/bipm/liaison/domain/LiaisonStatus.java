package org.bipm.liaison.domain;

/** Where a liaison stands in its lifecycle: proposed → authorized → in force → terminated or expired. */
public enum LiaisonStatus {
    PROPOSED, AUTHORIZED, IN_FORCE, TERMINATED, EXPIRED;

    /** Active = not yet ended: at most one active liaison per partner, kind and subject. */
    public boolean active() {
        return this != TERMINATED && this != EXPIRED;
    }
}
