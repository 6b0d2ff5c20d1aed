package io.exchangehub.component.msgraph.mapping;

import io.exchangehub.model.InvalidIdException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The hub's attachment ids. Graph addresses an attachment below its message
 * ({@code /messages/{id}/attachments/{id}}) while the model, like EWS, names an attachment by
 * one id; the hub's id carries both, URL-safe and opaque.
 */
public final class AttachmentIds {

    private static final char SEPARATOR = '\n';

    private AttachmentIds() {}

    /**
     * The two Graph ids an attachment id stands for.
     *
     * @param messageId    the message holding it
     * @param attachmentId Graph's id of the attachment
     */
    public record Parts(String messageId, String attachmentId) {}

    public static String of(String messageId, String attachmentId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((messageId + SEPARATOR + attachmentId).getBytes(StandardCharsets.UTF_8));
    }

    public static Parts parse(String id) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8);
            int separator = text.indexOf(SEPARATOR);
            if (separator > 0 && separator < text.length() - 1) {
                return new Parts(text.substring(0, separator), text.substring(separator + 1));
            }
        } catch (IllegalArgumentException e) {
            // told below: not an id this component made
        }
        throw new InvalidIdException("The attachment id is not one this hub gave out.", null, id);
    }
}
