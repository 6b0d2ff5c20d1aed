package io.exchangehub.component.msgraph.operations;

import com.microsoft.graph.models.ContactCollectionResponse;
import io.exchangehub.component.msgraph.MsGraphConstants;
import io.exchangehub.component.msgraph.MsGraphOperation;
import io.exchangehub.component.msgraph.mapping.ContactMapper;
import io.exchangehub.component.msgraph.mapping.Cursors;
import io.exchangehub.component.msgraph.mapping.ODataText;
import io.exchangehub.model.Contact;
import io.exchangehub.model.DeleteMode;
import io.exchangehub.model.InvalidRequestException;
import io.exchangehub.model.Page;
import java.util.ArrayList;
import java.util.List;

/**
 * Personal contacts (the default contacts folder, or another one). Search is a prefix match on the names and
 * e-mail addresses in {@code $filter}, since Graph's contacts take no {@code $search}.
 */
public final class ContactOperations {

    private static final String[] BY_NAME = {"displayName"};

    public MsGraphResponse process(MsGraphOperation operation, MsGraphRequest request) {
        return switch (operation) {
            case listContacts -> MsGraphResponse.page(page(request, null));
            case searchContacts -> MsGraphResponse.of(page(request, searchFilter(request)).items());
            case getContact -> {
                String id = request.required(MsGraphConstants.ITEM_ID);
                yield MsGraphResponse.of(ContactMapper.toModel(request.graph(id, user -> user.contacts().byContactId(id).get(c -> {
                    request.call().attach(c);
                    c.queryParameters.select = ContactMapper.SELECT;
                }))));
            }
            case createContact -> {
                var contact = ContactMapper.toGraph(request.body(Contact.class));
                yield MsGraphResponse.of(ContactMapper.toModel(request.graph(null, user -> user.contacts().post(contact,
                        request.call()::attach))));
            }
            case updateContact -> {
                String id = request.required(MsGraphConstants.ITEM_ID);
                var contact = ContactMapper.toGraph(request.body(Contact.class));
                String ifMatch = request.ifMatch();
                yield MsGraphResponse.of(ContactMapper.toModel(request.graph(id, user -> user.contacts().byContactId(id)
                        .patch(contact, c -> {
                            request.call().attach(c);
                            if (ifMatch != null) {
                                c.headers.add("If-Match", ifMatch);
                            }
                        }))));
            }
            case deleteContact -> {
                String id = request.required(MsGraphConstants.ITEM_ID);
                boolean permanent = request.deleteMode() != DeleteMode.MOVE_TO_DELETED_ITEMS;
                request.run(id, user -> {
                    if (permanent) {
                        user.contacts().byContactId(id).permanentDelete().post(request.call()::attach);
                    } else {
                        user.contacts().byContactId(id).delete(request.call()::attach);
                    }
                });
                yield MsGraphResponse.none();
            }
            default -> throw new IllegalArgumentException("Not a contact operation: " + operation);
        };
    }

    private static String searchFilter(MsGraphRequest request) {
        String query = request.header(MsGraphConstants.QUERY);
        if (query == null || query.isBlank()) {
            throw new InvalidRequestException("A contact search needs a query.", null, null);
        }
        String literal = ODataText.literal(query.strip());
        return "startswith(displayName," + literal + ") or startswith(givenName," + literal + ") or startswith(surname," + literal
                + ") or emailAddresses/any(a:startswith(a/address," + literal + "))";
    }

    private static Page<Contact> page(MsGraphRequest request, String filter) {
        String baseUrl = request.client().baseUrl();
        String cursor = request.header(MsGraphConstants.CURSOR);
        ContactCollectionResponse page;
        if (cursor != null) {
            String link = Cursors.decode(cursor, baseUrl);
            page = request.graph(null, user -> user.contacts().withUrl(link).get(request.call()::attach));
        } else {
            int top = request.top();
            String folder = request.header(MsGraphConstants.FOLDER_ID);
            page = request.graph(folder, user -> folder == null
                    ? user.contacts().get(c -> {
                        request.call().attach(c);
                        c.queryParameters.top = top;
                        c.queryParameters.select = ContactMapper.SELECT;
                        c.queryParameters.orderby = BY_NAME;
                        c.queryParameters.filter = filter;
                        c.queryParameters.count = true;
                    })
                    : user.contactFolders().byContactFolderId(folder).contacts().get(c -> {
                        request.call().attach(c);
                        c.queryParameters.top = top;
                        c.queryParameters.select = ContactMapper.SELECT;
                        c.queryParameters.orderby = BY_NAME;
                        c.queryParameters.filter = filter;
                        c.queryParameters.count = true;
                    }));
        }
        List<Contact> contacts = new ArrayList<>();
        page.getValue().forEach(c -> contacts.add(ContactMapper.toModel(c)));
        return new Page<>(List.copyOf(contacts), Cursors.encode(page.getOdataNextLink(), baseUrl),
                page.getOdataCount() == null ? null : page.getOdataCount().intValue());
    }
}
