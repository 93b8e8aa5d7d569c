package org.bipm.cbkt.domain;

import org.bipm.platform.kernel.domain.Rejection;

/**
 * The quotas of an activity, each absent when there is no such limit. The 2023 BIPM/RMO forum:
 * at most 30 participants, at most 5 per RMO, of whom at most 3 funded.
 */
public record Capacity(Integer totalSeats, Integer seatsPerRmo, Integer fundedSeatsPerRmo) {

    public static final Capacity UNLIMITED = new Capacity(null, null, null);

    public Capacity {
        if (totalSeats != null && totalSeats < 1 || seatsPerRmo != null && seatsPerRmo < 1) {
            throw Rejection.invalid("capacity-invalid", "a seat limit is at least 1");
        }
        if (fundedSeatsPerRmo != null && fundedSeatsPerRmo < 0) {
            throw Rejection.invalid("capacity-invalid", "funded seats cannot be negative");
        }
        if (fundedSeatsPerRmo != null && seatsPerRmo != null && fundedSeatsPerRmo > seatsPerRmo) {
            throw Rejection.invalid("capacity-invalid", "funded seats per RMO cannot exceed the seats per RMO");
        }
    }
}
