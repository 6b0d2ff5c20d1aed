package io.exchangehub.sandbox.ews;

import io.exchangehub.sandbox.store.Contact;
import io.exchangehub.sandbox.store.Folder;
import io.exchangehub.sandbox.store.FolderKind;
import io.exchangehub.sandbox.store.Item;
import io.exchangehub.sandbox.store.ItemOrder;
import io.exchangehub.sandbox.store.Occurrence;
import io.exchangehub.sandbox.store.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/** Reading items: FindItem (indexed paging, calendar and contacts views, restrictions, AQS, sorting) and GetItem. */
final class ItemQueryOperations {

    private static final Set<String> ITEM_TRAVERSALS = Set.of("Shallow", "SoftDeleted", "Associated");

    private ItemQueryOperations() {}

    @Component
    static final class FindItem implements EwsOperation {
        @Override
        public String name() {
            return "FindItem";
        }

        @Override
        public XmlOut execute(EwsRequest request) {
            XmlIn operation = request.operation();
            String traversal = Xsd.enumAttr(operation, "Traversal", "ItemQueryTraversalType", ITEM_TRAVERSALS, null);
            if (traversal == null) {
                throw SoapFault.schema(operation, "The required attribute 'Traversal' is missing.");
            }
            Shape shape = Shape.parse(operation.require("ItemShape"));
            List<XmlIn> parents = operation.require("ParentFolderIds").children();
            // Exchange charges every item a request returns to one EWSFindCountLimit budget: with
            // several folders, the later ones get what the earlier left (a paged view is cut short)
            int[] budget = {Paging.FIND_COUNT_LIMIT};
            return request.store().read(() -> Responses.each(name(), parents, (parentId, message) -> {
                for (String uri : shape.additional()) {
                    if (ItemXml.notFindable(uri)) {
                        throw new EwsError("ErrorInvalidPropertyRequest", "The property '" + uri
                                + "' can't be used in FindItem requests.");
                    }
                }
                Folder folder = Ids.folder(request, parentId);
                ItemXml.Context context = new ItemXml.Context(request, shape, true);
                XmlOut root = message.child("m:RootFolder");
                XmlIn calendarView = operation.child("CalendarView");
                if (calendarView != null) {
                    calendarView(request, folder, calendarView, context, root);
                    return;
                }
                Predicate<Item> filter = filter(operation);
                if (!traversal.equals("Shallow")) {
                    filter = item -> false;
                }
                Comparator<Item> order = ItemSearch.order(operation.child("SortOrder"), defaultOrder(folder));
                XmlIn contactsView = operation.child("ContactsView");
                if (contactsView != null) {
                    filter = and(filter, contactsRange(contactsView));
                }
                Paging paging = contactsView != null ? viewLimit(contactsView)
                        : Paging.parse(operation.child("IndexedPageItemView"));
                paging = new Paging(paging.offset(), Math.min(paging.max(), budget[0]), paging.fromEnd());
                Page<Item> page = page(request, folder, filter, order, paging);
                budget[0] -= page.items().size();
                paging.describe(root, page.items().size(), page.total());
                XmlOut items = root.child("t:Items");
                for (Item item : page.items()) {
                    items.add(ItemXml.render(context, new ItemXml.View(item, null)));
                }
            }, null));
        }

        private static Page<Item> page(EwsRequest request, Folder folder, Predicate<Item> filter, Comparator<Item> order,
                Paging paging) {
            if (!paging.fromEnd()) {
                return request.store().find(folder, filter, order, paging.offset(), paging.max());
            }
            Page<Item> all = request.store().find(folder, filter, order, 0, Integer.MAX_VALUE);
            List<Item> slice = paging.page(all.items());
            return new Page<>(slice, paging.start(all.total()), all.total());
        }

        private static Predicate<Item> filter(XmlIn operation) {
            Predicate<Item> restriction = Restrictions.compile(operation.child("Restriction"), ItemSearch.FIELDS_OF_ITEMS);
            XmlIn queryString = operation.child("QueryString");
            Predicate<Item> query = queryString == null ? null : Aqs.compile(queryString.text());
            return and(restriction, query);
        }

        private static Predicate<Item> and(Predicate<Item> a, Predicate<Item> b) {
            if (a == null) {
                return b;
            }
            return b == null ? a : a.and(b);
        }

        private static Comparator<Item> defaultOrder(Folder folder) {
            return switch (folder.kind) {
                case CALENDAR -> ItemOrder.of(ItemOrder.Property.START, false);
                case CONTACTS -> ItemOrder.of(ItemOrder.Property.FILE_AS, false);
                default -> ItemOrder.NEWEST_FIRST;
            };
        }

        /** ContactsView: contacts whose FileAs lies between InitialName and FinalName. */
        private static Predicate<Item> contactsRange(XmlIn view) {
            String initial = view.attr("InitialName");
            String last = view.attr("FinalName");
            return item -> {
                if (!(item instanceof Contact contact)) {
                    return false;
                }
                String name = contact.fileAs.toLowerCase(Locale.ROOT);
                return (initial == null || name.compareTo(initial.toLowerCase(Locale.ROOT)) >= 0)
                        && (last == null || name.compareTo(last.toLowerCase(Locale.ROOT)) <= 0);
            };
        }

        private static Paging viewLimit(XmlIn view) {
            String max = view.attr("MaxEntriesReturned");
            int limit = max == null ? Paging.FIND_COUNT_LIMIT : Xsd.integer(view, max, "MaxEntriesReturned");
            if (limit <= 0) {
                throw new EwsError("ErrorInvalidPagingMaxRows", "MaxEntriesReturned must be greater than zero.");
            }
            return new Paging(0, Math.min(limit, Paging.FIND_COUNT_LIMIT), false);
        }

        /** The occurrences of the folder's items in a time window: singles, occurrences and exceptions, by start. */
        private static void calendarView(EwsRequest request, Folder folder, XmlIn view, ItemXml.Context context, XmlOut root) {
            if (folder.kind != FolderKind.CALENDAR) {
                throw new EwsError("ErrorCalendarFolderIsInvalidForCalendarView",
                        "The folder for a calendar view must be a calendar folder.");
            }
            Instant start = Xsd.dateTime(view, view.attr("StartDate"), "StartDate");
            Instant end = Xsd.dateTime(view, view.attr("EndDate"), "EndDate");
            if (end.isBefore(start)) {
                throw new EwsError("ErrorCalendarEndDateIsEarlierThanStartDate", "EndDate is earlier than StartDate.");
            }
            Paging limit = viewLimit(view);
            List<Occurrence> occurrences = request.store().calendarView(folder, start, end);
            List<Occurrence> returned = new ArrayList<>(occurrences.subList(0, Math.min(limit.max(), occurrences.size())));
            root.attr("TotalItemsInView", occurrences.size())
                    .attr("IncludesLastItemInRange", Xsd.bool(returned.size() == occurrences.size()));
            XmlOut items = root.child("t:Items");
            for (Occurrence occurrence : returned) {
                items.add(ItemXml.render(context, new ItemXml.View(occurrence.master(), occurrence)));
            }
        }
    }

    @Component
    static final class GetItem implements EwsOperation {
        @Override
        public String name() {
            return "GetItem";
        }

        @Override
        public XmlOut execute(EwsRequest request) {
            Shape shape = Shape.parse(request.operation().require("ItemShape"));
            List<XmlIn> ids = request.operation().require("ItemIds").children();
            ItemXml.Context context = new ItemXml.Context(request, shape, false);
            return request.store().read(() -> Responses.each(name(), ids, (id, message) -> {
                ItemXml.View view = ItemXml.View.of(Ids.target(request, id));
                message.child("m:Items").add(ItemXml.render(context, view));
            }, Responses.empty("m:Items")));
        }
    }
}
