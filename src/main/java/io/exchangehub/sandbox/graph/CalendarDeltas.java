package io.exchangehub.sandbox.graph;

import io.exchangehub.sandbox.store.Folder;
import io.exchangehub.sandbox.store.Mailbox;
import io.exchangehub.sandbox.store.Occurrence;
import io.exchangehub.sandbox.store.SandboxStore;
import io.exchangehub.sandbox.store.StoreException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The state behind {@code calendarView/delta}: what a client was told about the occurrences of
 * its window (each occurrence's id and change key), kept here under an opaque token because a
 * year of a busy calendar would not fit in a URL. The next round reports the occurrences that
 * are new or changed since and those that are gone. Only the most recent {@value #RETAINED}
 * tokens are kept (and none across restarts): an older one is 410 SyncStateNotFound and the
 * client starts over, as Graph's clients must be ready to.
 */
@Component
class CalendarDeltas {

    static final int RETAINED = 2000;

    /** What a client knows: the window and the version of each occurrence in it. */
    private record Snapshot(int mailbox, String calendarId, Instant from, Instant to, Map<String, String> versions) {}

    /** A round being paged through: the changes found and the snapshot it ends in. */
    private record Round(int mailbox, List<String> ids, Snapshot result) {}

    /**
     * One page of a round.
     *
     * @param ids   the occurrences to report (gone ones are reported as removed)
     * @param last  whether the round is complete
     * @param token the {@code $skiptoken} of the next page, or the {@code $deltatoken} of the next round
     */
    record Page(List<String> ids, boolean last, String token) {}

    private final SandboxStore store;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Object> tokens = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
            return size() > RETAINED;
        }
    });

    CalendarDeltas(SandboxStore store) {
        this.store = store;
    }

    /** The first round of a window: every occurrence in it. Inside the store lock. */
    Page start(Folder calendar, Instant from, Instant to, int size) {
        Snapshot empty = new Snapshot(calendar.mailbox.ordinal, calendar.id, from, to, Map.of());
        return round(empty, calendar, size);
    }

    /** The round after a {@code $deltatoken}. Inside the store lock. */
    Page since(String deltaToken, Folder calendar, int size) {
        if (!(tokens.get(deltaToken) instanceof Snapshot snapshot) || snapshot.mailbox() != calendar.mailbox.ordinal
                || !snapshot.calendarId().equals(calendar.id)) {
            throw GraphErrors.syncStateNotFound();
        }
        return round(snapshot, calendar, size);
    }

    private Page round(Snapshot known, Folder calendar, int size) {
        Map<String, String> now = new LinkedHashMap<>();
        for (Occurrence occurrence : store.calendarView(calendar, known.from(), known.to())) {
            now.put(occurrence.id(), occurrence.changeKey());
        }
        List<String> ids = new ArrayList<>();
        for (String id : known.versions().keySet()) {
            if (!now.containsKey(id)) {
                ids.add(id);
            }
        }
        now.forEach((id, version) -> {
            if (!version.equals(known.versions().get(id))) {
                ids.add(id);
            }
        });
        Round round = new Round(calendar.mailbox.ordinal, List.copyOf(ids),
                new Snapshot(known.mailbox(), known.calendarId(), known.from(), known.to(), Map.copyOf(now)));
        return page(round, 0, size);
    }

    /** The page after a {@code $skiptoken}. */
    Page next(String skipToken, Mailbox mailbox, int size) {
        int dot = skipToken.lastIndexOf('.');
        Object value = dot < 0 ? null : tokens.get(skipToken.substring(0, dot));
        if (!(value instanceof Round round) || round.mailbox() != mailbox.ordinal) {
            throw GraphErrors.syncStateNotFound();
        }
        int offset;
        try {
            offset = Integer.parseInt(skipToken.substring(dot + 1));
        } catch (NumberFormatException e) {
            throw GraphErrors.syncStateNotFound();
        }
        if (offset < 0 || offset > round.ids().size()) {
            throw GraphErrors.syncStateNotFound();
        }
        return page(round, offset, size);
    }

    private Page page(Round round, int offset, int size) {
        int end = Math.min(offset + size, round.ids().size());
        List<String> ids = round.ids().subList(offset, end);
        if (end < round.ids().size()) {
            String key = key();
            tokens.put(key, round);
            return new Page(ids, false, key + "." + end);
        }
        String key = key();
        tokens.put(key, round.result());
        return new Page(ids, true, key);
    }

    /** The occurrence now, or null when it no longer exists. Inside the store lock. */
    Occurrence current(String id, Mailbox mailbox) {
        try {
            Occurrence occurrence = store.occurrence(id);
            return occurrence.master().mailbox == mailbox && occurrence.master().folder != null ? occurrence : null;
        } catch (StoreException e) {
            return null;
        }
    }

    private String key() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
