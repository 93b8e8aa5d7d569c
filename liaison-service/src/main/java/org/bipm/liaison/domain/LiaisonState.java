package org.bipm.liaison.domain;

/** A liaison stream before its first fact ({@link Unproposed}) or after it ({@link Liaison}). */
public sealed interface LiaisonState permits LiaisonState.Unproposed, Liaison {

    Unproposed UNPROPOSED = new Unproposed();

    record Unproposed() implements LiaisonState {
    }
}
