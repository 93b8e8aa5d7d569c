package org.bipm.wmd.domain;

import java.time.LocalDate;
import java.util.List;

public record SpecialEvent(String title, LocalDate startDate, LocalDate endDate, List<String> places, String url,
                           FactDate recorded) {
}
