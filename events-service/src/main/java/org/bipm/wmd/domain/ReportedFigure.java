package org.bipm.wmd.domain;

/** A count a source states about an edition, as stated: "more than 20 languages" is MORE_THAN 20. */
public record ReportedFigure(Measure measure, Qualifier qualifier, int value, String source, FactDate reported) {

    public enum Measure {
        /** Celebratory events organized around the world. */
        CELEBRATIONS,
        /** Languages the poster was translated into. */
        POSTER_TRANSLATIONS,
        /** Institutes and organizations the poster was distributed to. */
        POSTER_RECIPIENTS
    }

    public enum Qualifier {
        EXACTLY, MORE_THAN, ABOUT
    }
}
