package org.bipm.liaison.domain;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The identity of a liaison: partner, kind and subject, the subject compared as a slug (case,
 * accents and punctuation ignored). It also gives liaisons their readable, stable ids, e.g.
 * {@code ISO-LIAISON_STATUS-liaison-a-with-iso-committees}; a liaison proposed again after the
 * previous one ended gets the next generation, {@code ...--2}.
 */
public record LiaisonKey(String partner, LiaisonKind kind, String subjectKey) {

    private static final int MAX_SLUG_IN_ID = 60;

    public static LiaisonKey of(String partnerAcronym, LiaisonKind kind, String subject) {
        return new LiaisonKey(partnerAcronym, kind, slug(subject));
    }

    /** The id of the {@code generation}-th liaison with this identity (1 for the first). */
    public String liaisonId(int generation) {
        String subject = subjectKey.length() <= MAX_SLUG_IN_ID ? subjectKey
                : subjectKey.substring(0, MAX_SLUG_IN_ID).replaceAll("-[^-]*$", "");
        String id = partner + "-" + kind.name() + "-" + subject;
        // slugs never hold "--", so the generation suffix cannot be confused with the subject
        return generation == 1 ? id : id + "--" + generation;
    }

    static String slug(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
