package org.bipm.wmd.domain;

/**
 * How exactly a fact's date is known. Sources often give only a month or a year: such a date is
 * written as the first day of its month or year and carries MONTH or YEAR, so no day is invented.
 */
public enum DatePrecision {
    DAY, MONTH, YEAR
}
