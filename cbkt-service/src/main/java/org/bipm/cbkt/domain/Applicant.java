package org.bipm.cbkt.domain;

import org.bipm.platform.kernel.domain.Rejection;

/**
 * The person applying, as events carry it: a random person reference, the name and e-mail only as
 * ciphertext under that person's own key (destroying the key erases them), and the institute and
 * country, which are not personal data and feed the statistics.
 */
public record Applicant(String personRef, String sealedName, String sealedEmail, String institute, String country) {

    public Applicant {
        if (personRef == null || personRef.isBlank()) {
            throw Rejection.invalid("person-reference-missing", "an applicant has a person reference");
        }
        if (country == null || !country.matches("[A-Z]{2}")) {
            throw Rejection.invalid("country-code-invalid", "a country is an ISO 3166-1 alpha-2 code, e.g. FR");
        }
    }
}
