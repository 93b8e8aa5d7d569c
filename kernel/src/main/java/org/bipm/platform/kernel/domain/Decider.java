package org.bipm.platform.kernel.domain;

import java.util.List;

/**
 * The whole behaviour of one kind of stream, as two pure functions.
 * {@code decide} turns a command and the current state into new events (or refuses with a
 * {@link Rejection}); {@code evolve} folds one event into the state. No I/O, no framework:
 * the kernel loads the stream, calls these, and appends the result in one transaction.
 */
public interface Decider<C, S, E> {

    S initialState();

    List<E> decide(C command, S state);

    S evolve(S state, E event);

    default S fold(Iterable<? extends E> events) {
        S state = initialState();
        for (E event : events) {
            state = evolve(state, event);
        }
        return state;
    }
}
