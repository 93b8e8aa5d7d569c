package org.bipm.liaison.domain;

/** How a liaison ended: ended by a party, or lapsed at the end of its term. */
public enum Ending {
    TERMINATED, EXPIRED;

    LiaisonStatus status() {
        return switch (this) {
            case TERMINATED -> LiaisonStatus.TERMINATED;
            case EXPIRED -> LiaisonStatus.EXPIRED;
        };
    }
}
