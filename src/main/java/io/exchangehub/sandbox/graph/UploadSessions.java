package io.exchangehub.sandbox.graph;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Upload sessions for large attachments ({@code createUploadSession}): each spools its bytes
 * to a temporary file in order, chunk after chunk, and the last chunk turns the file into the
 * attachment's content. Sessions expire {@value #LIFETIME_MINUTES} minutes after their last
 * chunk; expired and cancelled sessions take their files with them.
 */
@Component
class UploadSessions {

    static final int LIFETIME_MINUTES = 30;
    /** Graph rejects larger chunks; clients are told to send at most 4 MB, in multiples of 320 KiB. */
    static final long MAX_CHUNK = 60L * 1024 * 1024;

    /**
     * One session.
     *
     * @param id          the id in the upload URL
     * @param token       the secret the upload URL carries instead of a bearer token
     * @param mailbox     the mailbox address (for fault switches)
     * @param ownerId     the message or event the attachment goes to
     * @param event       whether the owner is an event
     * @param name        the attachment's name
     * @param size        the attachment's size, which the chunks must add up to
     * @param contentType its MIME type, or null
     * @param inline      whether it is inline
     * @param contentId   its Content-ID, or null
     * @param file        where the bytes go
     */
    record Session(String id, String token, String mailbox, String ownerId, boolean event, String name, long size,
            String contentType, boolean inline, String contentId, Path file) {

        /** Without the token, which is the upload URL's only credential, and the name, which is the user's. */
        @Override
        public String toString() {
            return "Session[id=" + id + ", mailbox=" + mailbox + ", size=" + size + "]";
        }
    }

    private static final class State {
        final Session session;
        long received;
        Instant expires;
        boolean finished;

        State(Session session, Instant expires) {
            this.session = session;
            this.expires = expires;
        }
    }

    /** Where a session stands after a chunk. */
    record Progress(long received, Instant expires, boolean complete) {}

    private final Map<String, State> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    UploadSessions(GraphTimers timers, @Qualifier("sandboxClock") Clock clock) {
        this.clock = clock;
        timers.executor().scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.MINUTES);
    }

    Session create(String mailbox, String ownerId, boolean event, String name, long size, String contentType, boolean inline,
            String contentId) {
        try {
            Path file = Files.createTempFile("graph-upload-", ".bin");
            Session session = new Session(secret(18), secret(24), mailbox, ownerId, event, name, size, contentType, inline,
                    contentId, file);
            sessions.put(session.id(), new State(session, expiry()));
            return session;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make a file for an upload session", e);
        }
    }

    private String secret(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    private Instant expiry() {
        return clock.instant().plus(Duration.ofMinutes(LIFETIME_MINUTES));
    }

    /** The live session with that id and token, or null. */
    Session find(String id, String token) {
        State state = id == null ? null : sessions.get(id);
        if (state == null || token == null || !MessageDigest.isEqual(state.session.token().getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII)) || state.expires.isBefore(clock.instant())) {
            return null;
        }
        return state.session;
    }

    Progress progress(Session session) {
        State state = sessions.get(session.id());
        if (state == null) {
            throw gone();
        }
        synchronized (state) {
            return new Progress(state.received, state.expires, state.received == session.size());
        }
    }

    /**
     * Appends a chunk that starts where the bytes so far end.
     *
     * @throws GraphException {@code invalidRange} (416) when it overlaps or leaves a gap,
     *                        {@code invalidRequest} (400) when the body is shorter than its range
     */
    Progress append(Session session, long start, long end, InputStream body) {
        State state = sessions.get(session.id());
        if (state == null) {
            throw gone();
        }
        synchronized (state) {
            if (state.finished) {
                throw new GraphException(416, "invalidRange", "The upload session is already complete.");
            }
            if (start < state.received) {
                throw new GraphException(416, "invalidRange", "Uploaded fragment overlaps with existing data.");
            }
            if (start > state.received) {
                throw new GraphException(416, "invalidRange",
                        "Uploaded fragment is not contiguous with existing data; the next expected byte is " + state.received + ".");
            }
            long length = end - start + 1;
            try (FileChannel channel = FileChannel.open(session.file(), StandardOpenOption.WRITE)) {
                channel.position(start);
                byte[] buffer = new byte[64 * 1024];
                long written = 0;
                while (written < length) {
                    int n = body.read(buffer, 0, (int) Math.min(buffer.length, length - written));
                    if (n < 0) {
                        break;
                    }
                    ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                    while (chunk.hasRemaining()) {
                        channel.write(chunk);
                    }
                    written += n;
                }
                if (written < length) {
                    channel.truncate(start);
                    throw GraphException.badRequest("invalidRequest", "The request body is shorter than its Content-Range.");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot spool an upload chunk", e);
            }
            state.received = end + 1;
            state.expires = expiry();
            boolean complete = state.received == session.size();
            state.finished = complete;
            return new Progress(state.received, state.expires, complete);
        }
    }

    /** Forgets a session that made its attachment; its file is now the attachment's content, until the process ends. */
    void completed(Session session) {
        sessions.remove(session.id());
        // only completed uploads: the JVM remembers every path it is asked to delete until it exits
        session.file().toFile().deleteOnExit();
    }

    /** Sessions still open when the sandbox stops take their files with them. */
    @PreDestroy
    void stop() {
        sessions.values().forEach(state -> delete(state.session.file()));
        sessions.clear();
    }

    /** Cancels a session and deletes its bytes. */
    void cancel(Session session) {
        State state = sessions.remove(session.id());
        if (state != null) {
            delete(state.session.file());
        }
    }

    private void sweep() {
        Instant now = clock.instant();
        Iterator<State> states = sessions.values().iterator();
        while (states.hasNext()) {
            State state = states.next();
            if (state.expires.isBefore(now)) {
                states.remove();
                delete(state.session.file());
            }
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the temporary folder's own clean-up takes what cannot be deleted now
        }
    }

    private static GraphException gone() {
        return new GraphException(404, "itemNotFound", "The upload session was not found or has expired.");
    }
}
