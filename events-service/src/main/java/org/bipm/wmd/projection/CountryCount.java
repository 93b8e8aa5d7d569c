package org.bipm.wmd.projection;

/** How many celebrations (not cancelled) a country hosts in an edition. */
public record CountryCount(String countryCode, long celebrations) {
}
