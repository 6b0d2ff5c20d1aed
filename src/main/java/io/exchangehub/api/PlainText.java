package io.exchangehub.api;

import java.util.regex.Pattern;

/**
 * Fields that hold plain text (a subject, a location, a name): markup there is refused rather than
 * stored. Such a field is shown as a line of text by every Exchange client, so a tag in it is either
 * a mistake or an attempt on a client that would render it; refusing it up front keeps both out of
 * the mailbox. Only what an HTML parser takes for the start of markup counts ({@code <} followed by
 * a letter, {@code /}, {@code !} or {@code ?}), and a {@code javascript:} URL a client might make
 * a link of; {@code a < b} and {@code <3} stay ordinary text.
 */
public final class PlainText {

    private static final Pattern MARKUP = Pattern.compile("<[A-Za-z/!?]|javascript\\s*:", Pattern.CASE_INSENSITIVE);

    private PlainText() {}

    /**
     * Refuses a value with markup.
     *
     * @param value   the field's value, or null when the request left it out
     * @param pointer the field as a JSON pointer ({@code /body/subject})
     * @throws ApiException a {@code validation} problem naming the field
     */
    public static void check(String value, String pointer) {
        if (value != null && MARKUP.matcher(value).find()) {
            throw ApiException.invalid(pointer, "This field is plain text: HTML markup is not accepted here.");
        }
    }
}
