package io.exchangehub.sandbox.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.graph.models.MailFolder;
import com.microsoft.graph.models.MailFolderCollectionResponse;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.mailfolders.item.copy.CopyPostRequestBody;
import com.microsoft.graph.users.item.mailfolders.item.move.MovePostRequestBody;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GraphMailFolderIT extends GraphIntegrationTest {

    @Test
    void mailFoldersListsTheTopLevelMailFoldersByNameWithCounts() {
        GraphServiceClient graph = graph(CAROL);
        MailFolderCollectionResponse page = graph.me().mailFolders().get(r -> r.queryParameters.top = 50);
        List<String> names = page.getValue().stream().map(MailFolder::getDisplayName).toList();
        assertThat(names).contains("Archive 2024", "Deleted Items", "Drafts", "Inbox", "Junk Email", "Sent Items")
                .doesNotContain("Calendar", "Contacts");
        MailFolder archive = page.getValue().stream().filter(f -> f.getDisplayName().equals("Archive 2024")).findFirst().orElseThrow();
        assertThat(archive.getTotalItemCount()).isEqualTo(10_000);
        assertThat(archive.getIsHidden()).isFalse();
        assertThat(archive.getParentFolderId()).isEqualTo(graph.me().mailFolders().byMailFolderId("msgfolderroot").get().getId());
    }

    @Test
    void mailFoldersPageWithTopAndSkip() {
        GraphServiceClient graph = graph(CAROL);
        MailFolderCollectionResponse first = graph.me().mailFolders().get(r -> r.queryParameters.top = 2);
        assertThat(first.getValue()).hasSize(2);
        assertThat(first.getOdataNextLink()).contains("$skip=2");
        MailFolderCollectionResponse second = graph.me().mailFolders().get(r -> {
            r.queryParameters.top = 2;
            r.queryParameters.skip = 2;
        });
        assertThat(second.getValue()).extracting(MailFolder::getId).doesNotContainAnyElementsOf(
                first.getValue().stream().map(MailFolder::getId).toList());
    }

    @Test
    void wellKnownNamesResolveAndChildFoldersList() {
        GraphServiceClient graph = graph(CAROL);
        MailFolder inbox = graph.me().mailFolders().byMailFolderId("inbox").get();
        assertThat(inbox.getDisplayName()).isEqualTo("Inbox");
        assertThat(inbox.getChildFolderCount()).isEqualTo(3);
        assertThat(inbox.getUnreadItemCount()).isPositive();
        List<String> children = graph.me().mailFolders().byMailFolderId(inbox.getId()).childFolders().get().getValue().stream()
                .map(MailFolder::getDisplayName).toList();
        assertThat(children).containsExactly("Clients", "Newsletters", "Projects");
        assertThat(graph.me().mailFolders().byMailFolderId("SentItems").get().getDisplayName()).isEqualTo("Sent Items");
    }

    @Test
    void foldersAreCreatedRenamedMovedCopiedAndDeleted() {
        GraphServiceClient graph = graph(CAROL);
        String name = "Graph folder " + UUID.randomUUID();
        MailFolder request = new MailFolder();
        request.setDisplayName(name);
        MailFolder created = graph.me().mailFolders().post(request);
        assertThat(created.getDisplayName()).isEqualTo(name);

        MailFolder child = new MailFolder();
        child.setDisplayName("Child");
        child.setIsHidden(true);
        MailFolder createdChild = graph.me().mailFolders().byMailFolderId(created.getId()).childFolders().post(child);
        assertThat(createdChild.getIsHidden()).isTrue();
        assertThat(graph.me().mailFolders().byMailFolderId(created.getId()).childFolders().get().getValue()).isEmpty();
        assertThat(graph.me().mailFolders().byMailFolderId(created.getId()).childFolders()
                .get(r -> r.queryParameters.includeHiddenFolders = "true").getValue()).hasSize(1);

        MailFolder duplicate = new MailFolder();
        duplicate.setDisplayName(name.toUpperCase(java.util.Locale.ROOT));
        assertThatThrownBy(() -> graph.me().mailFolders().post(duplicate)).isInstanceOfSatisfying(ODataError.class, e -> {
            assertThat(e.getResponseStatusCode()).isEqualTo(409);
            assertThat(e.getError().getCode()).isEqualTo("ErrorFolderExists");
        });

        MailFolder rename = new MailFolder();
        rename.setDisplayName(name + " renamed");
        assertThat(graph.me().mailFolders().byMailFolderId(created.getId()).patch(rename).getDisplayName()).endsWith(" renamed");

        MovePostRequestBody move = new MovePostRequestBody();
        move.setDestinationId("inbox");
        MailFolder moved = graph.me().mailFolders().byMailFolderId(created.getId()).move().post(move);
        assertThat(moved.getParentFolderId()).isEqualTo(graph.me().mailFolders().byMailFolderId("inbox").get().getId());

        CopyPostRequestBody copy = new CopyPostRequestBody();
        copy.setDestinationId("msgfolderroot");
        MailFolder copied = graph.me().mailFolders().byMailFolderId(created.getId()).copy().post(copy);
        assertThat(copied.getId()).isNotEqualTo(created.getId());
        assertThat(copied.getChildFolderCount()).isEqualTo(1);

        graph.me().mailFolders().byMailFolderId(created.getId()).delete();
        MailFolder deleted = graph.me().mailFolders().byMailFolderId(created.getId()).get();
        assertThat(deleted.getParentFolderId()).isEqualTo(graph.me().mailFolders().byMailFolderId("deleteditems").get().getId());
        graph.me().mailFolders().byMailFolderId(copied.getId()).permanentDelete().post();
        assertThatThrownBy(() -> graph.me().mailFolders().byMailFolderId(copied.getId()).get())
                .isInstanceOfSatisfying(ODataError.class, e -> assertThat(e.getResponseStatusCode()).isEqualTo(404));
    }

    @Test
    void distinguishedFoldersCannotBeDeleted() {
        assertThatThrownBy(() -> graph(CAROL).me().mailFolders().byMailFolderId("inbox").delete())
                .isInstanceOfSatisfying(ODataError.class, e -> {
                    assertThat(e.getResponseStatusCode()).isEqualTo(400);
                    assertThat(e.getError().getCode()).isEqualTo("ErrorDeleteDistinguishedFolder");
                });
    }
}
