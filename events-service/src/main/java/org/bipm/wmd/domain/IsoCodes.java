package org.bipm.wmd.domain;

import java.util.Locale;
import java.util.Set;
import org.bipm.platform.kernel.domain.Rejection;

/** Countries as ISO 3166-1 alpha-2 codes and languages as ISO 639-1 codes, as the JDK knows them. */
public final class IsoCodes {

    private static final Set<String> COUNTRIES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

    private IsoCodes() {
    }

    /** The code in upper case, or a refusal when it names no country. */
    public static String country(String code) {
        String normalized = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(normalized)) {
            throw Rejection.invalid("unknown-country", "'" + code + "' is not an ISO 3166-1 alpha-2 country code");
        }
        return normalized;
    }

    /** The code in lower case, or a refusal when it names no language. */
    public static String language(String code) {
        String normalized = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(normalized)) {
            throw Rejection.invalid("unknown-language", "'" + code + "' is not an ISO 639-1 language code");
        }
        return normalized;
    }
}
