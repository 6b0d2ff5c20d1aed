package io.exchangehub.sandbox.ews;

import static org.assertj.core.api.Assertions.assertThat;

import io.exchangehub.sandbox.store.Folder;
import io.exchangehub.sandbox.store.Message;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.PropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.BasePropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.core.enumeration.service.ConflictResolutionMode;
import microsoft.exchange.webservices.data.core.enumeration.service.DeleteMode;
import microsoft.exchange.webservices.data.core.enumeration.sync.ChangeType;
import microsoft.exchange.webservices.data.core.enumeration.service.SyncFolderItemsScope;
import microsoft.exchange.webservices.data.core.service.item.EmailMessage;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import microsoft.exchange.webservices.data.property.complex.ItemId;
import microsoft.exchange.webservices.data.sync.ChangeCollection;
import microsoft.exchange.webservices.data.sync.FolderChange;
import microsoft.exchange.webservices.data.sync.ItemChange;
import org.junit.jupiter.api.Test;

class SyncIT extends EwsTestSupport {

    private static final PropertySet ID_AND_SUBJECT = new PropertySet(BasePropertySet.IdOnly,
            microsoft.exchange.webservices.data.core.service.schema.ItemSchema.Subject);

    @Test
    void syncFolderItemsReportsCreatesUpdatesReadFlagsAndDeletesBetweenTwoCalls() throws Exception {
        ExchangeService alice = ews(ALICE);
        microsoft.exchange.webservices.data.core.service.folder.Folder folder =
                new microsoft.exchange.webservices.data.core.service.folder.Folder(alice);
        folder.setDisplayName("Sync " + UUID.randomUUID());
        folder.save(WellKnownFolderName.MsgFolderRoot);
        FolderId folderId = folder.getId();

        ChangeCollection<ItemChange> initial = alice.syncFolderItems(folderId, ID_AND_SUBJECT, null, 100,
                SyncFolderItemsScope.NormalItems, null);
        assertThat(initial.getCount()).isZero();
        assertThat(initial.getMoreChangesAvailable()).isFalse();

        List<ItemId> ids = new ArrayList<>();
        for (String subject : List.of("first", "second", "third")) {
            EmailMessage message = new EmailMessage(alice);
            message.setSubject(subject);
            message.save(folderId);
            ids.add(message.getId());
        }
        ChangeCollection<ItemChange> created = alice.syncFolderItems(folderId, ID_AND_SUBJECT, null, 100,
                SyncFolderItemsScope.NormalItems, initial.getSyncState());
        assertThat(kinds(created)).containsExactly("Create first", "Create second", "Create third");

        EmailMessage first = EmailMessage.bind(alice, ids.get(0));
        first.setSubject("first, edited");
        first.update(ConflictResolutionMode.AutoResolve);
        String secondId = ids.get(1).getUniqueId();
        store.write(() -> store.setRead((Message) store.item(secondId), false, null));
        EmailMessage.bind(alice, ids.get(2)).delete(DeleteMode.HardDelete);

        ChangeCollection<ItemChange> changed = alice.syncFolderItems(folderId, ID_AND_SUBJECT, null, 100,
                SyncFolderItemsScope.NormalItems, created.getSyncState());
        assertThat(kinds(changed)).containsExactly("Delete", "Update first, edited", "ReadFlagChange false");

        ChangeCollection<ItemChange> quiet = alice.syncFolderItems(folderId, ID_AND_SUBJECT, null, 100,
                SyncFolderItemsScope.NormalItems, changed.getSyncState());
        assertThat(quiet.getCount()).isZero();
    }

    @Test
    void syncFolderItemsPagesWithMaxChangesReturnedAndSkipsIgnoredItems() throws Exception {
        ExchangeService alice = ews(ALICE);
        Folder newsletters = store.read(() -> mailbox(ALICE).folderByPath("/Inbox/Newsletters"));
        FolderId folderId = new FolderId(newsletters.id);
        String ignored = store.read(() -> newsletters.items().iterator().next().id);
        Set<String> seen = new HashSet<>();
        List<Integer> pages = new ArrayList<>();
        String state = null;
        ChangeCollection<ItemChange> page;
        do {
            page = alice.syncFolderItems(folderId, ID_AND_SUBJECT, List.of(new ItemId(ignored)), 5,
                    SyncFolderItemsScope.NormalItems, state);
            pages.add(page.getCount());
            for (ItemChange change : page) {
                assertThat(change.getChangeType()).isEqualTo(ChangeType.Create);
                assertThat(seen.add(change.getItemId().getUniqueId())).isTrue();
            }
            state = page.getSyncState();
        } while (page.getMoreChangesAvailable());
        assertThat(pages).containsExactly(5, 5, 1);
        assertThat(seen).hasSize(11).doesNotContain(ignored);
    }

    @Test
    void syncFolderHierarchyFollowsTheFolderTree() throws Exception {
        ExchangeService alice = ews(ALICE);
        PropertySet names = new PropertySet(BasePropertySet.IdOnly,
                microsoft.exchange.webservices.data.core.service.schema.FolderSchema.DisplayName);
        ChangeCollection<FolderChange> initial = alice.syncFolderHierarchy(new FolderId(WellKnownFolderName.MsgFolderRoot),
                names, null);
        List<String> created = new ArrayList<>();
        for (FolderChange change : initial) {
            created.add(change.getFolder().getDisplayName());
        }
        assertThat(created).contains("Inbox", "Clients", "ACME", "Archive 2024", "Calendar", "Key accounts");

        String name = "Tree " + UUID.randomUUID();
        microsoft.exchange.webservices.data.core.service.folder.Folder folder =
                new microsoft.exchange.webservices.data.core.service.folder.Folder(alice);
        folder.setDisplayName(name);
        folder.save(WellKnownFolderName.MsgFolderRoot);
        ChangeCollection<FolderChange> afterCreate = alice.syncFolderHierarchy(
                new FolderId(WellKnownFolderName.MsgFolderRoot), names, initial.getSyncState());
        List<String> kinds = new ArrayList<>();
        for (FolderChange change : afterCreate) {
            kinds.add(change.getChangeType() + " " + (change.getFolder() == null ? "" : change.getFolder().getDisplayName()));
        }
        assertThat(kinds).containsExactly("Create " + name);

        folder.delete(DeleteMode.HardDelete);
        ChangeCollection<FolderChange> afterDelete = alice.syncFolderHierarchy(
                new FolderId(WellKnownFolderName.MsgFolderRoot), names, afterCreate.getSyncState());
        List<ChangeType> types = new ArrayList<>();
        for (FolderChange change : afterDelete) {
            types.add(change.getChangeType());
        }
        assertThat(types).contains(ChangeType.Delete);
    }

    @Test
    void corruptSyncStatesAndOutOfRangeLimitsAreRefused() {
        String inbox = "<m:SyncFolderId><t:DistinguishedFolderId Id=\"inbox\"/></m:SyncFolderId>";
        HttpResponse<String> corrupt = soap(ALICE, "<m:SyncFolderItems><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape>"
                + "</m:ItemShape>" + inbox + "<m:SyncState>H4sIAAAAAAAEAO29B2AcSZYlpi9tynt</m:SyncState>"
                + "<m:MaxChangesReturned>10</m:MaxChangesReturned></m:SyncFolderItems>");
        assertThat(corrupt.body()).contains("<m:ResponseCode>ErrorInvalidSyncStateData</m:ResponseCode>");
        HttpResponse<String> tooMany = soap(ALICE, "<m:SyncFolderItems><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape>"
                + "</m:ItemShape>" + inbox + "<m:MaxChangesReturned>513</m:MaxChangesReturned></m:SyncFolderItems>");
        assertThat(tooMany.statusCode()).isEqualTo(500);
        assertThat(tooMany.body()).contains("a:ErrorSchemaValidation", "MaxSyncChangesReturnedType");
    }

    private static List<String> kinds(ChangeCollection<ItemChange> changes) throws Exception {
        List<String> kinds = new ArrayList<>();
        for (ItemChange change : changes) {
            String detail = switch (change.getChangeType()) {
                case Create, Update -> " " + change.getItem().getSubject();
                case ReadFlagChange -> " " + change.getIsRead();
                default -> "";
            };
            kinds.add(change.getChangeType() + detail);
        }
        return kinds;
    }
}
