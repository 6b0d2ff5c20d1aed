package io.exchangehub.sandbox.graph;

import io.exchangehub.sandbox.graph.query.FilterParser;
import io.exchangehub.sandbox.graph.query.OrderBy;
import io.exchangehub.sandbox.graph.query.ParsedFilter;
import io.exchangehub.sandbox.graph.query.SearchQuery;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The OData query options of a collection or entity request, checked against the entity
 * model the way Outlook's Graph checks them: {@code $top} 1 to 1000, {@code $search} alone
 * (no {@code $filter}, {@code $orderby} or {@code $skip} beside it), {@code $orderby}
 * properties leading the {@code $filter} when both are given, known properties only.
 *
 * @param <T> the store object the filter and search look at
 */
final class ODataQuery<T> {

    static final int MAX_TOP = 1000;

    final Integer top;
    final int skip;
    final Set<String> select;
    final OrderBy orderBy;
    final ParsedFilter<T> filter;
    final SearchQuery search;
    final boolean count;
    final Set<String> expand;
    final String skipToken;

    private ODataQuery(Integer top, int skip, Set<String> select, OrderBy orderBy, ParsedFilter<T> filter, SearchQuery search,
            boolean count, Set<String> expand, String skipToken) {
        this.top = top;
        this.skip = skip;
        this.select = select;
        this.orderBy = orderBy;
        this.filter = filter;
        this.search = search;
        this.count = count;
        this.expand = expand;
        this.skipToken = skipToken;
    }

    static <T> ODataQuery<T> parse(HttpServletRequest request, EntityModel<T> model) {
        Integer top = top(request.getParameter("$top"));
        int skip = skip(request.getParameter("$skip"));
        Set<String> select = select(request.getParameter("$select"), model);
        String orderText = request.getParameter("$orderby");
        OrderBy orderBy = null;
        if (orderText != null && !orderText.isBlank()) {
            if (model.sortable().isEmpty()) {
                throw GraphException.query("The query parameter '$orderby' is not supported on this collection.");
            }
            orderBy = OrderBy.parse(orderText, model.sortable(), model.typeName(), name -> model.canonical(name) != null);
        }
        String filterText = request.getParameter("$filter");
        ParsedFilter<T> filter = null;
        if (filterText != null) {
            if (model.filter() == null) {
                throw GraphException.query("The query parameter '$filter' is not supported on this collection.");
            }
            filter = FilterParser.parse(filterText, model.filter());
        }
        String searchText = request.getParameter("$search");
        SearchQuery search = null;
        if (searchText != null) {
            if (model.search().isEmpty()) {
                throw GraphException.query("The query parameter '$search' is not supported on this collection.");
            }
            for (String other : new String[] {"$filter", "$orderby", "$skip"}) {
                if (request.getParameter(other) != null) {
                    throw GraphException.query("The query parameter '" + other + "' is not supported with '$search'.");
                }
            }
            search = SearchQuery.parse(searchText);
        }
        if (filter != null && orderBy != null) {
            requireOrderLeadsFilter(orderBy, filter);
        }
        String countText = request.getParameter("$count");
        boolean count = false;
        if (countText != null) {
            if (!countText.equalsIgnoreCase("true") && !countText.equalsIgnoreCase("false")) {
                throw GraphException.badRequest("BadRequest", "Invalid value '" + countText + "' for $count; it must be true or false.");
            }
            count = countText.equalsIgnoreCase("true");
        }
        return new ODataQuery<>(top, skip, select, orderBy, filter, search, count, expand(request.getParameter("$expand"), model),
                request.getParameter("$skiptoken"));
    }

    /**
     * Outlook sorts a filtered collection only when the sort properties are the first ones the
     * filter names, in the same order; anything else is "InefficientFilter".
     */
    private static void requireOrderLeadsFilter(OrderBy orderBy, ParsedFilter<?> filter) {
        List<String> filtered = filter.properties();
        for (int i = 0; i < orderBy.paths().size(); i++) {
            if (i >= filtered.size() || !filtered.get(i).equalsIgnoreCase(orderBy.paths().get(i))) {
                throw GraphException.badRequest("InefficientFilter", "The restriction or sort order is too complex for this operation.");
            }
        }
    }

    private static Integer top(String text) {
        if (text == null) {
            return null;
        }
        int top;
        try {
            top = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw GraphException.badRequest("BadRequest", "Invalid value '" + text + "' for the query option '$top'.");
        }
        if (top < 1 || top > MAX_TOP) {
            throw GraphException.query("The value '" + top + "' of the query option '$top' is not valid; it must be between 1 and "
                    + MAX_TOP + ".");
        }
        return top;
    }

    private static int skip(String text) {
        if (text == null) {
            return 0;
        }
        try {
            int skip = Integer.parseInt(text.strip());
            if (skip >= 0) {
                return skip;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw GraphException.badRequest("BadRequest", "Invalid value '" + text + "' for the query option '$skip'.");
    }

    private static Set<String> select(String text, EntityModel<?> model) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Set<String> select = new LinkedHashSet<>();
        for (String part : text.split(",")) {
            String name = part.strip();
            if (name.isEmpty()) {
                continue;
            }
            String canonical = model.canonical(name);
            if (canonical == null) {
                throw GraphException.badRequest("RequestBroker--ParseUri",
                        "Could not find a property named '" + name + "' on type '" + model.typeName() + "'.");
            }
            select.add(canonical);
        }
        return Set.copyOf(select);
    }

    private static Set<String> expand(String text, EntityModel<?> model) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        Set<String> expand = new LinkedHashSet<>();
        for (String part : text.split(",")) {
            String name = part.strip().toLowerCase(Locale.ROOT);
            if (!model.expandable().contains(name)) {
                throw GraphException.badRequest("BadRequest", "Parsing OData Select and Expand failed: Could not find a property "
                        + "named '" + part.strip() + "' on type '" + model.typeName() + "'.");
            }
            expand.add(name);
        }
        return expand;
    }

    /** The page size: {@code $top}, else {@code Prefer: odata.maxpagesize} (at most 1000), else the collection's default. */
    int pageSize(GraphContext context, int defaultSize) {
        if (top != null) {
            return top;
        }
        int preferred = context.preferences().maxPageSize();
        return preferred > 0 ? Math.min(preferred, MAX_TOP) : defaultSize;
    }

    /** How entities of this request are written. */
    Projection projection(GraphContext context) {
        return new Projection(select, context.preferences().bodyType(), context.preferences().zone(), expand.contains("attachments"),
                expand.contains("microsoft.graph.itemattachment/item"), false);
    }
}
