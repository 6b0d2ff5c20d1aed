package io.exchangehub.component.msgraph.notifications;

import com.microsoft.graph.models.Event;
import com.microsoft.graph.models.MailFolder;
import com.microsoft.graph.models.Message;
import com.microsoft.graph.models.OutlookItem;
import io.exchangehub.component.StateStore;
import io.exchangehub.component.msgraph.client.MsGraphCall;
import io.exchangehub.component.msgraph.client.MsGraphClient;
import io.exchangehub.model.ChangeEvent;
import io.exchangehub.model.MailboxException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Delta queries of one scope of a mailbox: a mail folder's {@code messages/delta}, or
 * {@code calendarView/delta} over a window. The first round is a silent baseline (what is there
 * already is no change); each later round reports what changed since, as {@link ChangeEvent}s,
 * each change once: an object reported at the version it has now is not reported again. When
 * Graph no longer knows the sync state (410 {@code SyncStateNotFound}), a fresh full round is
 * compared with what was reported, so only real changes come out of it.
 */
public final class DeltaSync {

    private static final String[] MESSAGE_FIELDS = {"id", "changeKey", "parentFolderId", "lastModifiedDateTime", "isRead"};

    /** What a scope covers. */
    public enum Kind { MESSAGES, EVENTS }

    private final MsGraphClient client;
    private final StateStore store;
    private final Supplier<MsGraphCall> call;
    private final Kind kind;
    private final String folder;
    private final int pastDays;
    private final int futureDays;
    private final int pageSize;
    private final Clock clock;
    private final String key;
    private final String mailbox;

    /**
     * @param client     the endpoint's SDK client
     * @param store      where delta states are kept
     * @param call       the mailbox and a fresh token, asked for at each round
     * @param mailbox    the mailbox's SMTP address
     * @param kind       messages of a folder, or the calendar
     * @param folder     the mail folder (id or well-known name); ignored for the calendar
     * @param pastDays   the calendar window: days before today
     * @param futureDays the calendar window: days after today
     * @param pageSize   {@code odata.maxpagesize} of each page
     * @param clock      now
     */
    public DeltaSync(MsGraphClient client, StateStore store, Supplier<MsGraphCall> call, String mailbox, Kind kind, String folder,
            int pastDays, int futureDays, int pageSize, Clock clock) {
        this.client = client;
        this.store = store;
        this.call = call;
        this.kind = kind;
        this.folder = folder;
        this.pastDays = pastDays;
        this.futureDays = futureDays;
        this.pageSize = pageSize;
        this.clock = clock;
        this.key = "msgraph:delta:" + mailbox.toLowerCase(Locale.ROOT) + ":" + (kind == Kind.MESSAGES ? "messages:" + folder : "events");
        this.mailbox = mailbox;
    }

    public Kind kind() {
        return kind;
    }

    /** One object a round reported. */
    private record Seen(String id, String version, boolean removed, String folderId, Instant time) {}

    /** A complete round: what it reported and the link of the next. */
    private record Round(List<Seen> seen, String deltaLink) {}

    /**
     * Runs a round: the baseline when the scope has no state, else the changes since the last.
     *
     * @return the changes, in the order Graph reported them; none for a baseline
     */
    public synchronized List<ChangeEvent> sync() {
        MsGraphCall caller = call.get();
        DeltaState state = store.get(key).map(DeltaState::decode).orElse(null);
        if (state == null) {
            String folderId = kind == Kind.MESSAGES ? folderId(caller) : null;
            Round baseline = round(caller, null);
            DeltaState fresh = new DeltaState(baseline.deltaLink(), folderId, Map.of());
            baseline.seen().stream().filter(s -> !s.removed()).forEach(s -> fresh.versions().put(s.id(), s.version()));
            store.put(key, fresh.encode());
            return List.of();
        }
        Round round;
        boolean restarted = false;
        try {
            round = round(caller, state.deltaLink());
        } catch (MailboxException e) {
            if (!syncStateLost(e)) {
                throw e;
            }
            round = round(caller, null);
            restarted = true;
        }
        List<ChangeEvent> changes = new ArrayList<>();
        Set<String> present = new HashSet<>();
        for (Seen seen : round.seen()) {
            if (seen.removed()) {
                if (state.versions().remove(seen.id()) != null) {
                    changes.add(change(ChangeEvent.ChangeType.DELETED, seen.id(), state.folderId(), clock.instant()));
                }
                continue;
            }
            present.add(seen.id());
            String before = state.versions().put(seen.id(), seen.version());
            if (before == null) {
                changes.add(change(ChangeEvent.ChangeType.CREATED, seen.id(), seen.folderId(), seen.time()));
            } else if (!before.equals(seen.version())) {
                changes.add(change(ChangeEvent.ChangeType.UPDATED, seen.id(), seen.folderId(), seen.time()));
            }
        }
        if (restarted) {
            // a full round names everything there is: what it leaves out is gone
            for (String id : List.copyOf(state.versions().keySet())) {
                if (!present.contains(id)) {
                    state.versions().remove(id);
                    changes.add(change(ChangeEvent.ChangeType.DELETED, id, state.folderId(), clock.instant()));
                }
            }
        }
        store.put(key, new DeltaState(round.deltaLink(), state.folderId(), state.versions()).encode());
        return changes;
    }

    /** Graph's "start over": the delta token expired or was never valid. */
    private static boolean syncStateLost(MailboxException e) {
        String code = e.backendCode() == null ? "" : e.backendCode().toLowerCase(Locale.ROOT);
        return code.equals("syncstatenotfound") || code.equals("resyncrequired") || code.equals("syncstateinvalid");
    }

    private String folderId(MsGraphCall caller) {
        MailFolder found = client.call(caller, folder, graph -> graph.users().byUserId(caller.mailbox()).mailFolders()
                .byMailFolderId(folder).get(c -> {
                    caller.attach(c);
                    c.queryParameters.select = new String[] {"id"};
                }));
        return found.getId();
    }

    private Round round(MsGraphCall caller, String link) {
        List<Seen> seen = new ArrayList<>();
        String next = link;
        while (true) {
            Page page = kind == Kind.MESSAGES ? messagePage(caller, next) : eventPage(caller, next);
            seen.addAll(page.seen());
            if (page.deltaLink() != null) {
                return new Round(seen, page.deltaLink());
            }
            if (page.nextLink() == null) {
                throw new IllegalStateException("A delta page had neither a next link nor a delta link");
            }
            next = page.nextLink();
        }
    }

    private record Page(List<Seen> seen, String nextLink, String deltaLink) {}

    private String preferPageSize() {
        return "odata.maxpagesize=" + pageSize;
    }

    private Page messagePage(MsGraphCall caller, String link) {
        boolean start = link == null;
        var response = client.call(caller, folder, graph -> {
            var delta = graph.users().byUserId(caller.mailbox()).mailFolders().byMailFolderId(folder).messages().delta();
            return (start ? delta : delta.withUrl(link)).get(c -> {
                caller.attach(c);
                c.headers.add("Prefer", preferPageSize());
                if (start) {
                    c.queryParameters.select = MESSAGE_FIELDS;
                }
            });
        });
        List<Seen> seen = new ArrayList<>();
        for (Message message : response.getValue()) {
            // Exchange keeps the change key when only the read state changes: the version takes both
            seen.add(seen(message, message.getParentFolderId(), message.getChangeKey() + "|" + message.getIsRead()));
        }
        return new Page(seen, response.getOdataNextLink(), response.getOdataDeltaLink());
    }

    private Page eventPage(MsGraphCall caller, String link) {
        boolean start = link == null;
        Instant today = clock.instant().truncatedTo(ChronoUnit.DAYS);
        var response = client.call(caller, null, graph -> {
            var delta = graph.users().byUserId(caller.mailbox()).calendarView().delta();
            return (start ? delta : delta.withUrl(link)).get(c -> {
                caller.attach(c);
                c.headers.add("Prefer", preferPageSize());
                if (start) {
                    c.queryParameters.startDateTime = DateTimeFormatter.ISO_INSTANT.format(today.minus(pastDays, ChronoUnit.DAYS));
                    c.queryParameters.endDateTime = DateTimeFormatter.ISO_INSTANT.format(today.plus(futureDays, ChronoUnit.DAYS));
                }
            });
        });
        List<Seen> seen = new ArrayList<>();
        for (Event event : response.getValue()) {
            seen.add(seen(event, null, event.getChangeKey()));
        }
        return new Page(seen, response.getOdataNextLink(), response.getOdataDeltaLink());
    }

    private Seen seen(OutlookItem item, String folderId, String version) {
        boolean removed = item.getAdditionalData() != null && item.getAdditionalData().containsKey("@removed");
        Instant time = item.getLastModifiedDateTime() != null ? item.getLastModifiedDateTime().toInstant() : clock.instant();
        return new Seen(item.getId(), DeltaState.version(version), removed, folderId, time);
    }

    private ChangeEvent change(ChangeEvent.ChangeType type, String id, String folderId, Instant time) {
        ChangeEvent.ResourceType resource = kind == Kind.MESSAGES ? ChangeEvent.ResourceType.MESSAGE : ChangeEvent.ResourceType.EVENT;
        return new ChangeEvent(mailbox, resource, type, id, null, folderId, time);
    }
}
