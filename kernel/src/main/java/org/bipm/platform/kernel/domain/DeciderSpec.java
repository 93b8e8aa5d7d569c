package org.bipm.platform.kernel.domain;

import java.util.List;
import java.util.Objects;

/**
 * Given/when/then for deciders, with no framework, for the services' domain unit tests:
 * {@code given(past events).when(command).then(new events)} or {@code .thenRejected(code)}.
 * Failures are plain {@link AssertionError}s, so any test runner reports them.
 */
public final class DeciderSpec<C, S, E> {

    private final Decider<C, S, E> decider;

    private DeciderSpec(Decider<C, S, E> decider) {
        this.decider = decider;
    }

    public static <C, S, E> DeciderSpec<C, S, E> of(Decider<C, S, E> decider) {
        return new DeciderSpec<>(decider);
    }

    @SafeVarargs
    public final When given(E... history) {
        return new When(decider.fold(List.of(history)));
    }

    public final class When {
        private final S state;

        private When(S state) {
            this.state = state;
        }

        public Then when(C command) {
            return new Then(state, command);
        }

        public S state() {
            return state;
        }
    }

    public final class Then {
        private final S state;
        private final C command;

        private Then(S state, C command) {
            this.state = state;
            this.command = command;
        }

        /** Asserts the decided events and returns the state after them. */
        @SafeVarargs
        public final S then(E... expected) {
            List<E> events = decider.decide(command, state);
            if (!Objects.equals(events, List.of(expected))) {
                throw new AssertionError("expected events " + List.of(expected) + "\n but decided " + events);
            }
            S after = state;
            for (E event : events) {
                after = decider.evolve(after, event);
            }
            return after;
        }

        public void thenRejected(String code) {
            List<E> events;
            try {
                events = decider.decide(command, state);
            } catch (Rejection rejection) {
                if (!rejection.code().equals(code)) {
                    throw new AssertionError("expected rejection '" + code + "' but was '" + rejection.code()
                            + "': " + rejection.getMessage());
                }
                return;
            }
            throw new AssertionError("expected rejection '" + code + "' but decided " + events);
        }
    }
}
