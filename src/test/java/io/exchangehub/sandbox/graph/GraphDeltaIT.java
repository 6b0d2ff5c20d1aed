package io.exchangehub.sandbox.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.graph.models.Event;
import com.microsoft.graph.models.MailFolder;
import com.microsoft.graph.models.Message;
import com.microsoft.graph.models.RecurrencePatternType;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class GraphDeltaIT extends GraphIntegrationTest {

    /** One delta round: every page until the deltaLink. */
    private record Round<T>(List<T> items, int pages, String deltaLink) {}

    private interface DeltaPage<T> {
        List<T> value();

        String nextLink();

        String deltaLink();
    }

    private static <T> Round<T> round(DeltaPage<T> first, Function<String, DeltaPage<T>> follow) {
        List<T> items = new ArrayList<>();
        DeltaPage<T> page = first;
        int pages = 1;
        while (true) {
            items.addAll(page.value());
            if (page.nextLink() == null) {
                assertThat(page.deltaLink()).contains("$deltatoken=");
                return new Round<>(items, pages, page.deltaLink());
            }
            assertThat(page.nextLink()).contains("$skiptoken=");
            page = follow.apply(page.nextLink());
            pages++;
        }
    }

    private DeltaPage<Message> messages(com.microsoft.graph.users.item.mailfolders.item.messages.delta.DeltaGetResponse response) {
        return new DeltaPage<>() {
            public List<Message> value() {
                return response.getValue();
            }

            public String nextLink() {
                return response.getOdataNextLink();
            }

            public String deltaLink() {
                return response.getOdataDeltaLink();
            }
        };
    }

    private DeltaPage<Event> events(com.microsoft.graph.users.item.calendarview.delta.DeltaGetResponse response) {
        return new DeltaPage<>() {
            public List<Event> value() {
                return response.getValue();
            }

            public String nextLink() {
                return response.getOdataNextLink();
            }

            public String deltaLink() {
                return response.getOdataDeltaLink();
            }
        };
    }

    private static boolean removed(com.microsoft.kiota.serialization.AdditionalDataHolder entity) {
        return entity.getAdditionalData().get("@removed") != null;
    }

    @Test
    void messageDeltaPagesThenReportsCreatesUpdatesAndDeletes() {
        GraphServiceClient graph = graph(CAROL);
        MailFolder request = new MailFolder();
        request.setDisplayName("Delta " + UUID.randomUUID());
        String folder = graph.me().mailFolders().post(request).getId();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Message message = new Message();
            message.setSubject("Delta message " + i);
            ids.add(graph.me().mailFolders().byMailFolderId(folder).messages().post(message).getId());
        }
        var delta = graph.me().mailFolders().byMailFolderId(folder).messages().delta();
        Round<Message> initial = round(messages(delta.get(r -> {
            r.headers.add("Prefer", "odata.maxpagesize=3");
            r.queryParameters.select = new String[] {"subject", "isRead"};
        })), link -> messages(delta.withUrl(link).get(r -> r.headers.add("Prefer", "odata.maxpagesize=3"))));
        assertThat(initial.pages()).isEqualTo(3);
        assertThat(initial.items()).extracting(Message::getId).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(initial.items()).allSatisfy(m -> {
            assertThat(m.getSubject()).startsWith("Delta message");
            assertThat(m.getBody()).as("$select is kept in the token").isNull();
        });

        Message added = new Message();
        added.setSubject("Delta message new");
        String addedId = graph.me().mailFolders().byMailFolderId(folder).messages().post(added).getId();
        Message read = new Message();
        read.setIsRead(false);
        graph.me().messages().byMessageId(ids.get(1)).patch(read);
        graph.me().messages().byMessageId(ids.get(2)).delete();

        Round<Message> changes = round(messages(delta.withUrl(initial.deltaLink()).get()),
                link -> messages(delta.withUrl(link).get()));
        assertThat(changes.items()).hasSize(3);
        assertThat(changes.items()).filteredOn(GraphDeltaIT::removed).extracting(Message::getId).containsExactly(ids.get(2));
        assertThat(changes.items()).filteredOn(m -> !removed(m)).extracting(Message::getId)
                .containsExactlyInAnyOrder(ids.get(1), addedId);
        assertThat(changes.items()).filteredOn(m -> m.getId().equals(ids.get(1))).singleElement()
                .satisfies(m -> assertThat(m.getIsRead()).isFalse());

        Round<Message> quiet = round(messages(delta.withUrl(changes.deltaLink()).get()), link -> messages(delta.withUrl(link).get()));
        assertThat(quiet.items()).isEmpty();

        Message another = new Message();
        another.setSubject("Delta message only created");
        graph.me().mailFolders().byMailFolderId(folder).messages().post(another);
        graph.me().messages().byMessageId(ids.get(3)).delete();
        Round<Message> createdOnly = round(messages(delta.get(r -> r.queryParameters.changeType = "created")),
                link -> messages(delta.withUrl(link).get()));
        assertThat(createdOnly.items()).isNotEmpty().noneMatch(GraphDeltaIT::removed);

        assertThatThrownBy(() -> delta.withUrl(quiet.deltaLink().replace("$deltatoken=", "$deltatoken=corrupt")).get())
                .isInstanceOfSatisfying(ODataError.class, e -> {
                    assertThat(e.getResponseStatusCode()).isEqualTo(410);
                    assertThat(e.getError().getCode()).isEqualTo("SyncStateNotFound");
                });
        String inbox = folderId(CAROL, "Inbox");
        assertThatThrownBy(() -> graph.me().mailFolders().byMailFolderId(inbox).messages().delta()
                .withUrl(quiet.deltaLink().replace(folder, inbox)).get()).as("another folder's token")
                .isInstanceOfSatisfying(ODataError.class, e -> assertThat(e.getResponseStatusCode()).isEqualTo(410));
    }

    /**
     * The round-trip runs over a series of the test's own, so that the seeded calendar (which the
     * calendar tests read) keeps its occurrences and subjects.
     */
    @Test
    void calendarViewDeltaReportsNewChangedAndRemovedOccurrences() {
        GraphServiceClient graph = graph(CAROL);
        Event daily = GraphCalendarIT.event("Delta daily " + UUID.randomUUID(), "2026-03-16T07:00:00", "2026-03-16T07:30:00",
                "UTC");
        daily.setRecurrence(GraphCalendarIT.numbered(RecurrencePatternType.Daily, List.of(), LocalDate.parse("2026-03-16"), 7));
        String series = graph.me().events().post(daily).getId();
        String created = null;
        try {
            var delta = graph.me().calendarView().delta();
            Round<Event> initial = round(events(delta.get(r -> {
                r.queryParameters.startDateTime = "2026-03-16T00:00:00Z";
                r.queryParameters.endDateTime = "2026-03-23T00:00:00Z";
                r.headers.add("Prefer", "odata.maxpagesize=4");
            })), link -> events(delta.withUrl(link).get(r -> r.headers.add("Prefer", "odata.maxpagesize=4"))));
            assertThat(initial.pages()).isGreaterThan(1);
            assertThat(initial.items()).extracting(Event::getId).doesNotHaveDuplicates();
            List<Event> occurrences = initial.items().stream().filter(e -> series.equals(e.getSeriesMasterId())).toList();
            assertThat(occurrences).hasSize(7);
            Event changed = occurrences.get(1);
            Event deleted = occurrences.get(3);

            created = graph.me().events().post(GraphCalendarIT.event("Delta event " + UUID.randomUUID(), "2026-03-17T15:00:00",
                    "2026-03-17T16:00:00", "UTC")).getId();
            Event moved = new Event();
            moved.setSubject("Daily (delta)");
            graph.me().events().byEventId(changed.getId()).patch(moved);
            graph.me().events().byEventId(deleted.getId()).delete();

            String createdId = created;
            Round<Event> changes = round(events(delta.withUrl(initial.deltaLink()).get()), link -> events(delta.withUrl(link).get()));
            assertThat(changes.items()).filteredOn(GraphDeltaIT::removed).extracting(Event::getId).containsExactly(deleted.getId());
            assertThat(changes.items()).filteredOn(e -> !removed(e)).extracting(Event::getId).contains(createdId, changed.getId());
            assertThat(changes.items()).filteredOn(e -> !removed(e) && !e.getId().equals(createdId)
                    && !e.getId().equals(changed.getId())).as("a changed series changes the version of each of its occurrences")
                    .hasSize(5).allSatisfy(e -> assertThat(e.getSeriesMasterId()).isEqualTo(series));
            assertThat(changes.items()).filteredOn(e -> changed.getId().equals(e.getId())).singleElement()
                    .satisfies(e -> assertThat(e.getSubject()).isEqualTo("Daily (delta)"));

            assertThatThrownBy(() -> delta.withUrl(changes.deltaLink().replace("$deltatoken=", "$deltatoken=x")).get())
                    .isInstanceOfSatisfying(ODataError.class, e -> {
                        assertThat(e.getResponseStatusCode()).isEqualTo(410);
                        assertThat(e.getError().getCode()).isEqualTo("SyncStateNotFound");
                    });
        } finally {
            graph.me().events().byEventId(series).delete();
            if (created != null) {
                graph.me().events().byEventId(created).delete();
            }
        }
    }
}
