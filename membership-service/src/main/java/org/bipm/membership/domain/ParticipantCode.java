package org.bipm.membership.domain;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.bipm.platform.kernel.domain.Rejection;

/**
 * A participant's stream id: its ISO 3166-1 alpha-2 code (an assigned one, e.g. {@code KR}), or for an
 * Economy without one an upper-case identifier of 3 to 20 letters, digits and hyphens starting with a
 * letter (e.g. {@code CARICOM}).
 */
public final class ParticipantCode {

    private static final Set<String> ISO_ALPHA_2 = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Z][A-Z0-9-]{2,19}");

    private ParticipantCode() {
    }

    public static String requireValid(String code) {
        if (code == null || !(isIsoAlpha2(code) || IDENTIFIER.matcher(code).matches())) {
            throw Rejection.invalid("invalid-participant-code", "'" + code + "' is neither an assigned ISO 3166-1 alpha-2"
                    + " code (e.g. KR) nor an upper-case identifier of 3-20 characters A-Z, 0-9, '-' (e.g. CARICOM)");
        }
        return code;
    }

    /** Constituents of an Economy are States, so each has an ISO code, and a name. */
    static void requireValidConstituent(Constituent constituent) {
        if (constituent == null || constituent.code() == null || !isIsoAlpha2(constituent.code())
                || constituent.name() == null || constituent.name().isBlank()) {
            throw Rejection.invalid("invalid-constituent", "each constituent needs an assigned ISO 3166-1 alpha-2 code"
                    + " and a name, got " + constituent);
        }
    }

    private static boolean isIsoAlpha2(String code) {
        return code.length() == 2 && ISO_ALPHA_2.contains(code);
    }
}
