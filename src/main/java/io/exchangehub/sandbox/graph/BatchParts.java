package io.exchangehub.sandbox.graph;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One request of a {@code $batch} as the servlet container sees it when the batch forwards it
 * to the face's handlers: its own method, headers (the batch's {@code Authorization} besides)
 * and body, and attributes of its own; and a response that is captured rather than sent.
 */
final class BatchParts {

    private BatchParts() {}

    /** A batch part's request. */
    static final class Request extends HttpServletRequestWrapper {

        private final String method;
        private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        private final byte[] body;
        private final Map<String, Object> attributes = new LinkedHashMap<>();

        Request(HttpServletRequest batch, String method, Map<String, String> partHeaders, byte[] body) {
            super(batch);
            this.method = method;
            String authorization = batch.getHeader("Authorization");
            if (authorization != null) {
                headers.put("Authorization", authorization);
            }
            headers.putAll(partHeaders);
            this.body = body;
            if (body.length > 0) {
                headers.putIfAbsent("Content-Type", "application/json");
                headers.put("Content-Length", Integer.toString(body.length));
            }
            attributes.put(BatchController.PART, Boolean.TRUE);
        }

        @Override
        public String getMethod() {
            return method;
        }

        @Override
        public String getHeader(String name) {
            return headers.get(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            String value = headers.get(name);
            return Collections.enumeration(value == null ? List.of() : List.of(value));
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(new ArrayList<>(headers.keySet()));
        }

        @Override
        public long getDateHeader(String name) {
            return -1;
        }

        @Override
        public int getIntHeader(String name) {
            String value = headers.get(name);
            return value == null ? -1 : Integer.parseInt(value);
        }

        @Override
        public String getContentType() {
            return headers.get("Content-Type");
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public String getCharacterEncoding() {
            return StandardCharsets.UTF_8.name();
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    // the servlet contract for a stream that is not asynchronous
                    throw new IllegalStateException("A batch part is read synchronously");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
        }

        @Override
        public Object getAttribute(String name) {
            Object value = attributes.get(name);
            return value != null || attributes.containsKey(name) ? value : super.getAttribute(name);
        }

        @Override
        public Enumeration<String> getAttributeNames() {
            List<String> names = new ArrayList<>(attributes.keySet());
            Collections.list(super.getAttributeNames()).forEach(name -> {
                if (!names.contains(name)) {
                    names.add(name);
                }
            });
            return Collections.enumeration(names);
        }

        @Override
        public void setAttribute(String name, Object value) {
            if (value == null) {
                removeAttribute(name);
            } else {
                attributes.put(name, value);
            }
        }

        @Override
        public void removeAttribute(String name) {
            attributes.remove(name);
        }
    }

    /** A batch part's response, kept in memory for the batch's answer. */
    static final class Response extends HttpServletResponseWrapper {

        private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private int status = 200;
        private boolean committed;
        private ServletOutputStream stream;
        private PrintWriter writer;
        private String characterEncoding = StandardCharsets.UTF_8.name();

        Response(HttpServletResponse batch) {
            super(batch);
        }

        int status() {
            return status;
        }

        byte[] body() {
            if (writer != null) {
                writer.flush();
            }
            return body.toByteArray();
        }

        Map<String, String> headers() {
            Map<String, String> result = new LinkedHashMap<>();
            headers.forEach((name, values) -> result.put(name, String.join(", ", values)));
            return result;
        }

        @Override
        public void setStatus(int sc) {
            status = sc;
        }

        @Override
        public int getStatus() {
            return status;
        }

        @Override
        public void sendError(int sc, String msg) {
            status = sc;
            committed = true;
        }

        @Override
        public void sendError(int sc) {
            sendError(sc, null);
        }

        @Override
        public void sendRedirect(String location) {
            status = 302;
            setHeader("Location", location);
            committed = true;
        }

        @Override
        public void setHeader(String name, String value) {
            if (value == null) {
                headers.remove(name);
            } else {
                headers.put(name, new ArrayList<>(List.of(value)));
            }
        }

        @Override
        public void addHeader(String name, String value) {
            headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }

        @Override
        public void setIntHeader(String name, int value) {
            setHeader(name, Integer.toString(value));
        }

        @Override
        public void addIntHeader(String name, int value) {
            addHeader(name, Integer.toString(value));
        }

        @Override
        public void setDateHeader(String name, long date) {
            setHeader(name, DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.ofEpochMilli(date).atOffset(ZoneOffset.UTC)));
        }

        @Override
        public void addDateHeader(String name, long date) {
            setDateHeader(name, date);
        }

        @Override
        public boolean containsHeader(String name) {
            return headers.containsKey(name);
        }

        @Override
        public String getHeader(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        @Override
        public Collection<String> getHeaders(String name) {
            return headers.getOrDefault(name, List.of());
        }

        @Override
        public Collection<String> getHeaderNames() {
            return new ArrayList<>(headers.keySet());
        }

        @Override
        public void setContentType(String type) {
            if (type == null) {
                headers.remove("Content-Type");
                return;
            }
            String lower = type.toLowerCase(Locale.ROOT);
            int charset = lower.indexOf("charset=");
            if (charset >= 0) {
                characterEncoding = type.substring(charset + 8).strip();
                setHeader("Content-Type", type);
            } else if (lower.startsWith("text/") || lower.contains("json")) {
                setHeader("Content-Type", type + ";charset=" + characterEncoding);
            } else {
                setHeader("Content-Type", type);
            }
        }

        @Override
        public String getContentType() {
            return getHeader("Content-Type");
        }

        @Override
        public void setCharacterEncoding(String charset) {
            if (charset != null) {
                characterEncoding = charset;
            }
        }

        @Override
        public String getCharacterEncoding() {
            return characterEncoding;
        }

        @Override
        public void setContentLength(int len) {
            setHeader("Content-Length", Integer.toString(len));
        }

        @Override
        public void setContentLengthLong(long len) {
            setHeader("Content-Length", Long.toString(len));
        }

        @Override
        public ServletOutputStream getOutputStream() {
            if (writer != null) {
                throw new IllegalStateException("getWriter() has already been called");
            }
            if (stream == null) {
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) {
                        body.write(b);
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) {
                        body.write(bytes, offset, length);
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        throw new IllegalStateException("A batch part is written synchronously");
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() {
            if (stream != null) {
                throw new IllegalStateException("getOutputStream() has already been called");
            }
            if (writer == null) {
                writer = new PrintWriter(new OutputStreamWriter(body, Charset.forName(characterEncoding)));
            }
            return writer;
        }

        @Override
        public void flushBuffer() {
            if (writer != null) {
                writer.flush();
            }
            committed = true;
        }

        @Override
        public boolean isCommitted() {
            return committed;
        }

        @Override
        public void reset() {
            if (committed) {
                throw new IllegalStateException("The response is committed");
            }
            headers.clear();
            body.reset();
            status = 200;
        }

        @Override
        public void resetBuffer() {
            if (committed) {
                throw new IllegalStateException("The response is committed");
            }
            body.reset();
        }

        @Override
        public void setBufferSize(int size) {
            // the whole part is buffered in memory anyway
        }

        @Override
        public int getBufferSize() {
            return Integer.MAX_VALUE;
        }
    }
}
