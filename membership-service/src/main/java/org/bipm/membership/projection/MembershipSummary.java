package org.bipm.membership.projection;

import java.time.LocalDate;
import java.util.Map;
import org.bipm.membership.domain.Category;
import org.bipm.membership.domain.Status;
import org.bipm.platform.kernel.domain.Rmo;

/**
 * Counts as of a date (null = all recorded facts). Categories and RMOs count the participants that take
 * part (active or suspended); {@code byStatus} counts every participant ever recorded.
 */
public record MembershipSummary(LocalDate asOf, long memberStates, long associates, Map<Category, Long> byCategory,
                                Map<Rmo, Long> byRmo, long withoutRmo, Map<Status, Long> byStatus) {
}
