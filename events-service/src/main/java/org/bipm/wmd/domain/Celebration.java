package org.bipm.wmd.domain;

/** A registered celebration; once cancelled it stays on record but no longer changes. */
public record Celebration(int id, CelebrationDetails details, FactDate registered, FactDate cancelled,
                          String cancellationReason) {

    public boolean isCancelled() {
        return cancelled != null;
    }
}
