package io.exchangehub.sandbox.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** What the sandbox faces share about HTTP connections. */
public final class Connections {

    private Connections() {}

    /**
     * Breaks the connection mid-answer, as a dying server or a cut network would: the response
     * promises more bytes than it sends, and the server must close the connection after it.
     * Clients see a premature end of the body, not an HTTP status. The partial body is the
     * start of a document of the content type that cannot end where it stops, so that a
     * client's parser asks for more and meets the broken connection instead of a syntax error.
     */
    public static void drop(HttpServletResponse response, String contentType) throws IOException {
        response.setStatus(200);
        response.setContentType(contentType);
        response.setHeader("Connection", "close");
        // a compressed answer would be re-framed as chunks and end cleanly, short but whole: keep it raw
        response.setHeader("Content-Encoding", "identity");
        response.setContentLengthLong(64 * 1024);
        OutputStream out = response.getOutputStream();
        String start = contentType != null && contentType.contains("json") ? "{\"@odata.context\":\""
                : "<?xml version=\"1.0\" encoding=\"utf-8\"?><";
        out.write(start.getBytes(StandardCharsets.UTF_8));
        out.flush();
        response.flushBuffer();
    }
}
