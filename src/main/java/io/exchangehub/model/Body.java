package io.exchangehub.model;

/**
 * A message, event or contact body.
 *
 * @param contentType HTML or text
 * @param content     the body
 */
public record Body(ContentType contentType, String content) {

    public enum ContentType { HTML, TEXT }
}
