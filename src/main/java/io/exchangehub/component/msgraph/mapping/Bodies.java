package io.exchangehub.component.msgraph.mapping;

import com.microsoft.graph.models.BodyType;
import com.microsoft.graph.models.ItemBody;
import io.exchangehub.model.Body;

/** Message, event and contact bodies. */
public final class Bodies {

    private Bodies() {}

    public static Body of(ItemBody body) {
        if (body == null || body.getContent() == null) {
            return null;
        }
        return new Body(body.getContentType() == BodyType.Html ? Body.ContentType.HTML : Body.ContentType.TEXT, body.getContent());
    }

    public static ItemBody toGraph(Body body) {
        if (body == null) {
            return null;
        }
        ItemBody result = new ItemBody();
        result.setContentType(body.contentType() == Body.ContentType.HTML ? BodyType.Html : BodyType.Text);
        result.setContent(body.content() == null ? "" : body.content());
        return result;
    }

    /** The {@code Prefer} header value for a body type ({@code html} or {@code text}). */
    public static String preferHeader(String bodyType) {
        return "outlook.body-content-type=\"" + ("text".equalsIgnoreCase(bodyType) ? "text" : "html") + "\"";
    }
}
