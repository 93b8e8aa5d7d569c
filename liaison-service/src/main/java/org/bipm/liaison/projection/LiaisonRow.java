package org.bipm.liaison.projection;

import org.bipm.liaison.domain.Liaison;

/** A liaison as the read model holds it: its id, the stream version it reflects, and its state then. */
public record LiaisonRow(String id, long version, Liaison liaison) {
}
