package io.exchangehub.sandbox.ews;

import static org.assertj.core.api.Assertions.assertThat;

import io.exchangehub.sandbox.seed.SeedPopulator;
import io.exchangehub.sandbox.store.Contact;
import io.exchangehub.sandbox.store.Importance;
import io.exchangehub.sandbox.store.ItemOrder;
import io.exchangehub.sandbox.store.Message;
import io.exchangehub.sandbox.store.WellKnownFolder;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.PropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.BasePropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.core.enumeration.search.ComparisonMode;
import microsoft.exchange.webservices.data.core.enumeration.search.ContainmentMode;
import microsoft.exchange.webservices.data.core.enumeration.search.FolderTraversal;
import microsoft.exchange.webservices.data.core.enumeration.search.LogicalOperator;
import microsoft.exchange.webservices.data.core.enumeration.search.OffsetBasePoint;
import microsoft.exchange.webservices.data.core.enumeration.search.SortDirection;
import microsoft.exchange.webservices.data.core.enumeration.service.error.ServiceErrorHandling;
import microsoft.exchange.webservices.data.core.service.item.Item;
import microsoft.exchange.webservices.data.core.service.schema.ContactSchema;
import microsoft.exchange.webservices.data.core.service.schema.EmailMessageSchema;
import microsoft.exchange.webservices.data.core.service.schema.FolderSchema;
import microsoft.exchange.webservices.data.core.service.schema.ItemSchema;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import microsoft.exchange.webservices.data.search.FindFoldersResults;
import microsoft.exchange.webservices.data.search.FindItemsResults;
import microsoft.exchange.webservices.data.search.FolderView;
import microsoft.exchange.webservices.data.search.ItemView;
import microsoft.exchange.webservices.data.search.filter.SearchFilter;
import org.junit.jupiter.api.Test;

class FindItemIT extends EwsTestSupport {

    @Test
    void findItemPagesThroughTenThousandArchiveItemsWithoutGaps() throws Exception {
        ExchangeService service = ews(ALICE);
        FolderView folderView = new FolderView(10);
        folderView.setTraversal(FolderTraversal.Deep);
        FindFoldersResults folders = service.findFolders(WellKnownFolderName.MsgFolderRoot,
                new SearchFilter.IsEqualTo(FolderSchema.DisplayName, SeedPopulator.ARCHIVE_FOLDER), folderView);
        assertThat(folders.getFolders()).hasSize(1);
        var archive = folders.getFolders().get(0).getId();

        Set<String> seen = new HashSet<>();
        Instant previous = Instant.MAX;
        int offset = 0;
        int pages = 0;
        FindItemsResults<Item> page;
        do {
            ItemView view = new ItemView(1000, offset);
            view.setPropertySet(new PropertySet(BasePropertySet.IdOnly, ItemSchema.Subject, ItemSchema.DateTimeReceived));
            page = service.findItems(archive, view);
            assertThat(page.getTotalCount()).isEqualTo(SeedPopulator.ARCHIVE_SIZE);
            for (Item item : page.getItems()) {
                assertThat(seen.add(item.getId().getUniqueId())).as("duplicate at offset %d", offset).isTrue();
                Instant received = item.getDateTimeReceived().toInstant();
                assertThat(received).as("newest first").isBeforeOrEqualTo(previous);
                previous = received;
            }
            if (page.isMoreAvailable()) {
                assertThat(page.getNextPageOffset()).isEqualTo(offset + 1000);
                offset = page.getNextPageOffset();
            }
            pages++;
        } while (page.isMoreAvailable());
        assertThat(seen).hasSize(SeedPopulator.ARCHIVE_SIZE);
        assertThat(pages).isEqualTo(10);
    }

    @Test
    void restrictionsSelectWhatTheStoreHolds() throws Exception {
        ExchangeService alice = ews(ALICE);
        Message sample = store.read(() -> inbox().stream().filter(m -> m.from != null && m.from.address().endsWith(".example")
                && !m.from.address().endsWith("contoso.example")).findFirst().orElseThrow());
        Instant from = Instant.parse("2026-02-01T00:00:00Z");
        Instant to = Instant.parse("2026-02-15T00:00:00Z");

        assertFinds(alice, new SearchFilter.IsEqualTo(EmailMessageSchema.IsRead, false), m -> !m.read);
        assertFinds(alice, new SearchFilter.IsNotEqualTo(EmailMessageSchema.IsRead, false), m -> m.read);
        assertFinds(alice, new SearchFilter.Not(new SearchFilter.IsEqualTo(EmailMessageSchema.IsRead, true)), m -> !m.read);
        assertFinds(alice, new SearchFilter.IsEqualTo(EmailMessageSchema.From, sample.from.address()),
                m -> m.from != null && m.from.sameAddress(sample.from.address()));
        assertFinds(alice, new SearchFilter.ContainsSubstring(ItemSchema.Subject, "board", ContainmentMode.Substring,
                ComparisonMode.IgnoreCase), m -> m.subject.toLowerCase(Locale.ROOT).contains("board"));
        assertFinds(alice, new SearchFilter.SearchFilterCollection(LogicalOperator.And,
                new SearchFilter.IsGreaterThanOrEqualTo(ItemSchema.DateTimeReceived, Date.from(from)),
                new SearchFilter.IsLessThan(ItemSchema.DateTimeReceived, Date.from(to))),
                m -> !m.received.isBefore(from) && m.received.isBefore(to));
        assertFinds(alice, new SearchFilter.IsEqualTo(ItemSchema.HasAttachments, true), Message::hasAttachments);
        assertFinds(alice, new SearchFilter.IsEqualTo(ItemSchema.Importance,
                microsoft.exchange.webservices.data.core.enumeration.property.Importance.High),
                m -> m.importance == Importance.HIGH);
        assertFinds(alice, new SearchFilter.IsGreaterThan(ItemSchema.Importance,
                microsoft.exchange.webservices.data.core.enumeration.property.Importance.Low),
                m -> m.importance != Importance.LOW);
        assertFinds(alice, new SearchFilter.SearchFilterCollection(LogicalOperator.Or,
                new SearchFilter.IsEqualTo(ItemSchema.Importance,
                        microsoft.exchange.webservices.data.core.enumeration.property.Importance.High),
                new SearchFilter.IsEqualTo(ItemSchema.HasAttachments, true)),
                m -> m.importance == Importance.HIGH || m.hasAttachments());
        assertFinds(alice, new SearchFilter.Exists(ItemSchema.Categories), m -> !m.categories.isEmpty());
        assertFinds(alice, new SearchFilter.ContainsSubstring(ItemSchema.Subject, "RE: ", ContainmentMode.Prefixed,
                ComparisonMode.Exact), m -> m.subject.startsWith("RE: "));
    }

    @Test
    void queryStringsFindByWordsPhrasesAndProperties() throws Exception {
        ExchangeService alice = ews(ALICE);
        assertThat(subjects(alice, "subject:\"Board pack\"")).containsExactly("Board pack for Q3 (25 MB)");
        assertThat(subjects(alice, "subject:\"Board pack\" OR subject:\"Documents for the audit\""))
                .containsExactlyInAnyOrder("Board pack for Q3 (25 MB)", "Documents for the audit");
        assertThat(subjects(alice, "board AND pack AND hasattachment:true")).contains("Board pack for Q3 (25 MB)");
        assertThat(subjects(alice, "audit NOT subject:board")).contains("Documents for the audit")
                .doesNotContain("Board pack for Q3 (25 MB)");

        Message sample = store.read(() -> inbox().stream().filter(m -> m.subject.equals("Board pack for Q3 (25 MB)"))
                .findFirst().orElseThrow());
        String surname = sample.from.name().substring(sample.from.name().lastIndexOf(' ') + 1);
        List<String> bySender = subjects(alice, "from:" + surname);
        assertThat(bySender).contains("Board pack for Q3 (25 MB)");
        long expected = store.read(() -> inbox().stream().filter(m -> m.from != null
                && (" " + m.from.name() + " " + m.from.address()).toLowerCase(Locale.ROOT)
                .matches(".*[^\\p{L}\\p{N}]" + surname.toLowerCase(Locale.ROOT) + ".*")).count());
        assertThat(bySender).hasSize((int) expected);
    }

    /**
     * One FindItem over several folders answers each folder on its own, with the same query, view
     * and order, and charges every item it returns to one find count budget of 1,000, as Exchange's
     * EWSFindCountLimit does: the folders after the budget is spent get a page cut short, which says
     * there is more.
     */
    @Test
    void oneFindItemOverSeveralFoldersAnswersEachAndSharesTheFindCountLimit() throws Exception {
        ExchangeService alice = ews(ALICE);
        io.exchangehub.sandbox.store.Folder inboxFolder = folder(ALICE, WellKnownFolder.INBOX);
        io.exchangehub.sandbox.store.Folder archive = store.read(() -> mailbox(ALICE).folderByPath(SeedPopulator.ARCHIVE_FOLDER));
        io.exchangehub.sandbox.store.Folder sent = folder(ALICE, WellKnownFolder.SENT_ITEMS);
        int inInbox = store.read(inboxFolder::totalCount);
        ItemView view = new ItemView(1000);
        view.getOrderBy().add(ItemSchema.DateTimeReceived, SortDirection.Descending);
        var responses = alice.findItems(List.of(new FolderId(inboxFolder.id), new FolderId(archive.id), new FolderId(sent.id)), null,
                null, view, null, ServiceErrorHandling.ReturnErrors);
        assertThat(responses.getCount()).isEqualTo(3);
        FindItemsResults<Item> first = responses.getResponseAtIndex(0).getResults();
        FindItemsResults<Item> second = responses.getResponseAtIndex(1).getResults();
        FindItemsResults<Item> third = responses.getResponseAtIndex(2).getResults();
        assertThat(first.getItems()).hasSize(inInbox);
        assertThat(first.isMoreAvailable()).isFalse();
        assertThat(second.getItems()).hasSize(1000 - inInbox);
        assertThat(second.isMoreAvailable()).isTrue();
        assertThat(second.getTotalCount()).isEqualTo(10_000);
        assertThat(third.getItems()).isEmpty();
        assertThat(third.isMoreAvailable()).isTrue();

        String marker = "hubquery" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        var found = alice.findItems(List.of(new FolderId(inboxFolder.id), new FolderId(archive.id)), null, marker, new ItemView(10),
                null, ServiceErrorHandling.ReturnErrors);
        assertThat(found.getResponseAtIndex(0).getResults().getItems()).isEmpty();
        assertThat(found.getResponseAtIndex(1).getResults().getItems()).isEmpty();
    }

    /** {@code bcc:} and {@code participants:} (from, to, cc and bcc) find the address a sent message has only in bcc. */
    @Test
    void queryStringsFindAnAddressInBcc() throws Exception {
        ExchangeService alice = ews(ALICE);
        String address = "hidden." + UUID.randomUUID().toString().substring(0, 8) + "@fabrikam.example";
        io.exchangehub.sandbox.store.Folder drafts = folder(ALICE, WellKnownFolder.DRAFTS);
        String id = store.write(() -> store.createMessage(drafts, m -> {
            m.subject = "Blind copy";
            m.to = List.of(new io.exchangehub.sandbox.store.Recipient("Nobody", "nobody@fabrikam.example"));
            m.bcc = List.of(new io.exchangehub.sandbox.store.Recipient("Hidden", address));
        }).id);
        try {
            for (String query : List.of("bcc:\"" + address + "\"", "participants:\"" + address + "\"")) {
                FindItemsResults<Item> results = alice.findItems(new FolderId(drafts.id), query, new ItemView(10));
                assertThat(results.getItems()).as(query).extracting(i -> i.getId().getUniqueId()).containsExactly(id);
            }
            assertThat(alice.findItems(new FolderId(drafts.id), "to:\"" + address + "\"", new ItemView(10)).getItems()).isEmpty();
        } finally {
            store.write(() -> store.delete(store.item(id), io.exchangehub.sandbox.store.DeleteMode.HARD));
        }
    }

    @Test
    void sortOrderAndPagingFromTheEndFollowTheStoresOrder() throws Exception {
        ExchangeService alice = ews(ALICE);
        ItemView bySubject = new ItemView(1000);
        bySubject.setPropertySet(new PropertySet(BasePropertySet.IdOnly, ItemSchema.Subject));
        bySubject.getOrderBy().add(ItemSchema.Subject, SortDirection.Ascending);
        List<String> subjects = new ArrayList<>();
        for (Item item : alice.findItems(WellKnownFolderName.Inbox, bySubject).getItems()) {
            subjects.add(item.getSubject().toLowerCase(Locale.ROOT));
        }
        assertThat(subjects).isSorted();

        ItemView lastTen = new ItemView(10, 0, OffsetBasePoint.End);
        lastTen.setPropertySet(new PropertySet(BasePropertySet.IdOnly));
        List<String> found = new ArrayList<>();
        for (Item item : alice.findItems(WellKnownFolderName.Inbox, lastTen).getItems()) {
            found.add(item.getId().getUniqueId());
        }
        List<String> expected = store.read(() -> {
            List<io.exchangehub.sandbox.store.Item> all = folder(ALICE, WellKnownFolder.INBOX).sortedItems(ItemOrder.NEWEST_FIRST);
            return all.subList(all.size() - 10, all.size()).stream().map(i -> i.id).toList();
        });
        assertThat(found).containsExactlyElementsOf(expected);
    }

    @Test
    void pagingValuesOutOfRangeAreAnsweredAsExchangeDoes() {
        String inbox = "<m:ParentFolderIds><t:DistinguishedFolderId Id=\"inbox\"/></m:ParentFolderIds>";
        String shape = "<m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>";
        HttpResponse<String> zero = soap(ALICE, "<m:FindItem Traversal=\"Shallow\">" + shape
                + "<m:IndexedPageItemView MaxEntriesReturned=\"0\" Offset=\"0\" BasePoint=\"Beginning\"/>" + inbox + "</m:FindItem>");
        assertThat(zero.body()).contains("<m:ResponseCode>ErrorInvalidPagingMaxRows</m:ResponseCode>");
        HttpResponse<String> negative = soap(ALICE, "<m:FindItem Traversal=\"Shallow\">" + shape
                + "<m:IndexedPageItemView MaxEntriesReturned=\"10\" Offset=\"-5\" BasePoint=\"Beginning\"/>" + inbox + "</m:FindItem>");
        assertThat(negative.body()).contains("<m:ResponseCode>ErrorInvalidIndexedPagingParameters</m:ResponseCode>");
        HttpResponse<String> beyond = soap(ALICE, "<m:FindItem Traversal=\"Shallow\">" + shape
                + "<m:IndexedPageItemView MaxEntriesReturned=\"10\" Offset=\"100000\" BasePoint=\"Beginning\"/>" + inbox
                + "</m:FindItem>");
        assertThat(beyond.body()).contains("IncludesLastItemInRange=\"true\"", "<t:Items/>");
        HttpResponse<String> farFromTheEnd = soap(ALICE, "<m:FindItem Traversal=\"Shallow\">" + shape
                + "<m:IndexedPageItemView MaxEntriesReturned=\"1000\" Offset=\"2147483647\" BasePoint=\"End\"/>" + inbox
                + "</m:FindItem>");
        assertThat(farFromTheEnd.body()).contains("ResponseClass=\"Success\"", "<t:Items/>");
        HttpResponse<String> body = soap(ALICE, "<m:FindItem Traversal=\"Shallow\"><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape>"
                + "<t:AdditionalProperties><t:FieldURI FieldURI=\"item:Body\"/></t:AdditionalProperties></m:ItemShape>" + inbox
                + "</m:FindItem>");
        assertThat(body.body()).contains("<m:ResponseCode>ErrorInvalidPropertyRequest</m:ResponseCode>");
    }

    @Test
    void contactsAreFoundPagedAndFiltered() throws Exception {
        ExchangeService alice = ews(ALICE);
        int total = store.read(() -> folder(ALICE, WellKnownFolder.CONTACTS).totalCount());
        assertThat(total).isGreaterThanOrEqualTo(500);
        ItemView page = new ItemView(200, total - 100);
        page.getOrderBy().add(ContactSchema.FileAs, SortDirection.Ascending);
        FindItemsResults<Item> last = alice.findItems(WellKnownFolderName.Contacts, page);
        assertThat(last.getTotalCount()).isEqualTo(total);
        assertThat(last.getItems()).hasSize(100);
        assertThat(last.isMoreAvailable()).isFalse();
        assertThat(last.getItems().get(0)).isInstanceOf(microsoft.exchange.webservices.data.core.service.item.Contact.class);

        Contact sample = store.read(() -> (Contact) folder(ALICE, WellKnownFolder.CONTACTS).items().iterator().next());
        FindItemsResults<Item> byCompany = alice.findItems(WellKnownFolderName.Contacts,
                new SearchFilter.IsEqualTo(ContactSchema.CompanyName, sample.companyName), new ItemView(500));
        long expected = store.read(() -> folder(ALICE, WellKnownFolder.CONTACTS).items().stream()
                .filter(c -> ((Contact) c).companyName.equals(sample.companyName)).count());
        assertThat(byCompany.getItems()).hasSize((int) expected);
    }

    private void assertFinds(ExchangeService service, SearchFilter filter, Predicate<Message> expected) throws Exception {
        ItemView view = new ItemView(1000);
        view.setPropertySet(new PropertySet(BasePropertySet.IdOnly));
        Set<String> found = new HashSet<>();
        for (Item item : service.findItems(WellKnownFolderName.Inbox, filter, view).getItems()) {
            found.add(item.getId().getUniqueId());
        }
        Set<String> wanted = store.read(() -> {
            Set<String> ids = new HashSet<>();
            inbox().stream().filter(expected).forEach(m -> ids.add(m.id));
            return ids;
        });
        assertThat(wanted).as("the store has matches for %s", filter.getClass().getSimpleName()).isNotEmpty();
        assertThat(found).isEqualTo(wanted);
    }

    private List<String> subjects(ExchangeService service, String query) throws Exception {
        ItemView view = new ItemView(1000);
        view.setPropertySet(new PropertySet(BasePropertySet.IdOnly, ItemSchema.Subject));
        List<String> subjects = new ArrayList<>();
        for (Item item : service.findItems(WellKnownFolderName.Inbox, query, view).getItems()) {
            subjects.add(item.getSubject());
        }
        return subjects;
    }

    private List<Message> inbox() {
        return folder(ALICE, WellKnownFolder.INBOX).items().stream().filter(Message.class::isInstance).map(Message.class::cast)
                .toList();
    }
}
