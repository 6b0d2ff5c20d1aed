package io.exchangehub.sandbox.seed;

import io.exchangehub.sandbox.store.Body;
import java.util.SplittableRandom;
import org.springframework.web.util.HtmlUtils;

/**
 * Mail text generated from a seed: the same seed always gives the same words, so seeded
 * messages keep no body in memory and compute it when asked.
 */
final class Texts {

    private Texts() {}

    /**
     * What a message is about.
     *
     * @param company the customer
     * @param product the product
     * @param topic   the topic
     */
    record Theme(String company, String product, String topic) {

        static Theme random(SplittableRandom random) {
            return new Theme(Vocabulary.pick(random, Vocabulary.COMPANIES)[0], Vocabulary.pick(random, Vocabulary.PRODUCTS),
                    Vocabulary.pick(random, Vocabulary.TOPICS));
        }
    }

    static String subject(SplittableRandom random, Theme theme) {
        return Vocabulary.fill(random, Vocabulary.pick(random, Vocabulary.SUBJECT_TEMPLATES), theme.company(), theme.product(),
                theme.topic());
    }

    /** A body: greeting, two to four paragraphs, closing and signature; HTML or text. */
    static Body body(long seed, String greetingName, String signature, Theme theme, boolean html) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder text = new StringBuilder();
        text.append("Hi ").append(greetingName).append(",\n\n");
        text.append(Vocabulary.pick(random, Vocabulary.OPENINGS));
        int paragraphs = 2 + random.nextInt(3);
        for (int p = 0; p < paragraphs; p++) {
            text.append(p == 0 ? " " : "\n\n");
            int sentences = 1 + random.nextInt(3);
            for (int s = 0; s < sentences; s++) {
                if (s > 0) {
                    text.append(' ');
                }
                text.append(Vocabulary.fill(random, Vocabulary.pick(random, Vocabulary.SENTENCES), theme.company(),
                        theme.product(), theme.topic()));
            }
        }
        text.append("\n\n").append(Vocabulary.pick(random, Vocabulary.CLOSINGS)).append('\n').append(signature);
        String plain = text.toString();
        if (!html) {
            return Body.text(plain);
        }
        StringBuilder markup = new StringBuilder("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">"
                + "<style>p{margin:0 0 12px}</style></head><body><div style=\"font-family:Calibri,Arial,sans-serif;font-size:11pt\">");
        for (String paragraph : plain.split("\n\n")) {
            markup.append("<p>").append(HtmlUtils.htmlEscape(paragraph).replace("\n", "<br>")).append("</p>");
        }
        if (random.nextInt(4) == 0) {
            markup.append("<table border=\"1\" cellpadding=\"4\" style=\"border-collapse:collapse\"><tr><th>Item</th><th>Qty</th>"
                    + "<th>Price</th></tr><tr><td>").append(HtmlUtils.htmlEscape(theme.product()))
                    .append("</td><td>").append(10 + random.nextInt(490)).append("</td><td>€")
                    .append(20 + random.nextInt(80)).append(".00</td></tr></table>");
        }
        markup.append("</div></body></html>");
        return Body.html(markup.toString());
    }
}
