package io.exchangehub.api.attachments;

import io.exchangehub.api.contract.ApiContract;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the body of an attachment upload ({@code POST /api/v1/mail/messages/{id}/attachments}) away
 * from Camel, so that the route can stream it to the backend as it arrives.
 *
 * <p>platform-http reads every request body before the route starts: its message converts the body
 * to a stream cache when it is made, which for the servlet's reader is one {@code String} of the
 * whole body (150 MB of upload would be 300 MB of heap, and binary bytes decoded as text). Behind
 * this filter, Camel finds an empty body, and the route takes the real one from the request
 * ({@link #body}). It runs after Spring Security, so the body it sets aside is the one identity's
 * limits apply to.
 */
final class UploadBodyFilter extends OncePerRequestFilter {

    private static final Pattern UPLOAD = Pattern.compile("/api/v1/mail/messages/[^/]+/attachments/?");

    private static final String ATTRIBUTE = UploadBodyFilter.class.getName();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !UPLOAD.matcher(request.getRequestURI()).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        SetAside setAside = new SetAside(request);
        request.setAttribute(ATTRIBUTE, setAside);
        request.setAttribute(ApiContract.STREAMED_BODY, Boolean.TRUE);
        chain.doFilter(setAside, response);
    }

    /**
     * The body of an upload request, unread; null for any other request.
     *
     * @throws IOException when the servlet container cannot give it
     */
    static InputStream body(HttpServletRequest request) throws IOException {
        return request.getAttribute(ATTRIBUTE) instanceof SetAside setAside ? setAside.realBody() : null;
    }

    /** The request with its body set aside: whoever reads it through this wrapper reads nothing. */
    private static final class SetAside extends HttpServletRequestWrapper {

        SetAside(HttpServletRequest request) {
            super(request);
        }

        InputStream realBody() throws IOException {
            return super.getInputStream();
        }

        @Override
        public ServletInputStream getInputStream() {
            return new Empty();
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new StringReader(""));
        }
    }

    private static final class Empty extends ServletInputStream {
        @Override
        public int read() {
            return -1;
        }

        @Override
        public boolean isFinished() {
            return true;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new IllegalStateException("An upload's body is read by its route, blocking");
        }
    }
}
