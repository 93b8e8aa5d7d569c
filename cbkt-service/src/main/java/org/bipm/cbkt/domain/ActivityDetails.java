package org.bipm.cbkt.domain;

import org.bipm.platform.kernel.domain.Rejection;

/**
 * What an activity is: its title, kind, delivery, the programme it belongs to (e.g. "Metrology for Clean Air"),
 * the place, the fee (null when the source does not say) and the source the facts come from.
 */
public record ActivityDetails(String title, ActivityType type, Delivery delivery, String programme, String place,
                              Fee fee, String source) {

    public ActivityDetails {
        if (title == null || title.isBlank()) {
            throw Rejection.invalid("activity-title-missing", "an activity has a title");
        }
        if (type == null || delivery == null) {
            throw Rejection.invalid("activity-kind-missing", "an activity has a type and a delivery mode");
        }
    }
}
