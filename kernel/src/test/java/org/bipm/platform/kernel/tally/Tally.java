package org.bipm.platform.kernel.tally;

import java.time.LocalDate;
import java.util.List;
import org.bipm.platform.kernel.domain.Decider;
import org.bipm.platform.kernel.domain.EffectiveDates;
import org.bipm.platform.kernel.domain.Rejection;
import org.bipm.platform.kernel.eventstore.Upcasters;
import org.bipm.platform.kernel.tally.TallyCommand.Count;
import org.bipm.platform.kernel.tally.TallyCommand.OpenTally;
import org.bipm.platform.kernel.tally.TallyEvent.Counted;
import org.bipm.platform.kernel.tally.TallyEvent.TallyOpened;

public record Tally(boolean open, String name, int total, LocalDate latest) {

    /** Counted v1 called its amount "count". */
    public static final Upcasters UPCASTERS = new Upcasters()
            .step("Counted", 1, data -> {
                data.set("amount", data.remove("count"));
                return data;
            });

    public static final Decider<TallyCommand, Tally, TallyEvent> DECIDER = new Decider<>() {
        @Override
        public Tally initialState() {
            return new Tally(false, null, 0, null);
        }

        @Override
        public List<TallyEvent> decide(TallyCommand command, Tally state) {
            return switch (command) {
                case OpenTally open -> {
                    if (state.open()) {
                        throw new Rejection("tally-exists", "tally is already open");
                    }
                    yield List.of(new TallyOpened(open.name(), open.effectiveDate()));
                }
                case Count count -> {
                    if (!state.open()) {
                        throw Rejection.notFound("tally-not-found", "no such tally");
                    }
                    EffectiveDates.requireNotBefore(state.latest(), count.effectiveDate());
                    yield List.of(new Counted(count.amount(), count.effectiveDate()));
                }
            };
        }

        @Override
        public Tally evolve(Tally state, TallyEvent event) {
            return switch (event) {
                case TallyOpened opened -> new Tally(true, opened.name(), 0, opened.effectiveDate());
                case Counted counted -> new Tally(true, state.name(), state.total() + counted.amount(), counted.effectiveDate());
            };
        }
    };
}
