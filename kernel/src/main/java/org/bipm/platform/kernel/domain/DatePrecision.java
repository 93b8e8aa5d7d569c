package org.bipm.platform.kernel.domain;

/**
 * How exactly a fact's effective date is known. Sources often give only a month ("August 2024")
 * or a year; the effective date is then the first day of that period and the precision says so,
 * rather than inventing a day.
 */
public enum DatePrecision {
    DAY, MONTH, YEAR;

    /** A fact whose precision is not stated is dated to the day. */
    public static DatePrecision orDay(DatePrecision precision) {
        return precision == null ? DAY : precision;
    }
}
