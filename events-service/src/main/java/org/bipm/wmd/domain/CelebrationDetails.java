package org.bipm.wmd.domain;

import java.time.LocalDate;

/** Who celebrates, where (a city, online, or both) and when. */
public record CelebrationDetails(String organizer, String countryCode, String city, boolean online,
                                 LocalDate date, String title) {
}
