package io.exchangehub.sandbox.seed;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** The seeded inline image: a small logo, a real PNG so that mail clients render it; shapes only, no fonts, so its bytes are the same on every machine. */
final class Images {

    private static byte[] logo;

    private Images() {}

    static synchronized byte[] logo() {
        if (logo == null) {
            BufferedImage image = new BufferedImage(96, 48, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(0x00, 0x67, 0xb8));
            g.fillRect(0, 0, 96, 48);
            g.setColor(Color.WHITE);
            g.fillOval(8, 8, 32, 32);
            g.setColor(new Color(0x00, 0x67, 0xb8));
            g.fillOval(16, 16, 16, 16);
            g.setColor(Color.WHITE);
            g.fillRect(52, 14, 6, 20);
            g.fillRect(64, 14, 22, 6);
            g.fillRect(64, 28, 22, 6);
            g.dispose();
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ImageIO.write(image, "png", out);
                logo = out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return logo;
    }
}
