package org.masthead.newsroom.internal;

import java.text.Normalizer;
import java.util.Locale;

/** Addresses made from headlines: lower-case letters and digits joined by single hyphens. */
public final class Slugs {

    static final int MAX_LENGTH = 80;

    private Slugs() {}

    /** "Café owners' £5m plan — approved" becomes "cafe-owners-5m-plan-approved"; empty when nothing is left. */
    public static String from(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replace("'", "")
                .replace("’", "")
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (plain.length() <= MAX_LENGTH) {
            return plain;
        }
        String cut = plain.substring(0, MAX_LENGTH);
        int lastHyphen = cut.lastIndexOf('-');
        return lastHyphen > MAX_LENGTH / 2 ? cut.substring(0, lastHyphen) : cut.replaceAll("-+$", "");
    }
}
