package org.bipm.cbkt.projection;

import java.util.List;
import org.bipm.cbkt.domain.ActivityType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Participation in CBKT activities: a participation is an enrolment holding a seat (completed or not;
 * waitlisted and withdrawn ones do not count). The year is the activity's start year, or the year of the
 * application when the activity has no start date (self-paced courses).
 */
@Schema(description = "Participations, distinct countries and RMOs covered, in total and by activity type and year")
public record Statistics(long participations, long completions, long distinctCountries, long rmosCovered,
                         List<Line> byTypeAndYear) {

    public record Line(ActivityType type, Integer year, long participations, long completions, long distinctCountries,
                       long rmosCovered) {
    }
}
