package io.exchangehub.component.msgraph;

import static org.assertj.core.api.Assertions.assertThat;

import io.exchangehub.component.msgraph.client.MsGraphHttp;
import io.exchangehub.model.MailFolder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import io.exchangehub.model.NotFoundException;
import java.util.List;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

class MsGraphFolderIT extends MsGraphIntegrationTest {

    @Autowired
    MeterRegistry meters;

    @SuppressWarnings("unchecked")
    private List<MailFolder> tree() {
        return result("folders", MsGraphOperation.listFolders, null, List.class);
    }

    @Test
    void listFoldersGivesTheWholeTreeWithPathsCountsAndWellKnownNamesInFewRoundTrips() {
        double before = meters.find(MsGraphHttp.REQUESTS_METRIC).counters().stream().mapToDouble(Counter::count).sum();
        List<MailFolder> folders = tree();
        double roundTrips = meters.find(MsGraphHttp.REQUESTS_METRIC).counters().stream().mapToDouble(Counter::count).sum() - before;
        assertThat(roundTrips).as("one $batch per level of the tree").isEqualTo(4);
        MailFolder inbox = folders.stream().filter(f -> "/Inbox".equals(f.path())).findFirst().orElseThrow();
        assertThat(inbox.wellKnownName()).isEqualTo("inbox");
        assertThat(inbox.parentId()).isNull();
        assertThat(inbox.totalCount()).isPositive();
        MailFolder acme = folders.stream().filter(f -> "/Inbox/Clients/ACME".equals(f.path())).findFirst().orElseThrow();
        MailFolder clients = folders.stream().filter(f -> "/Inbox/Clients".equals(f.path())).findFirst().orElseThrow();
        assertThat(acme.parentId()).isEqualTo(clients.id());
        assertThat(clients.parentId()).isEqualTo(inbox.id());
        assertThat(acme.wellKnownName()).isNull();
        assertThat(folders).extracting(MailFolder::path).contains("/Inbox/Projects/Apollo/Design", "/Archive 2024", "/Sent Items",
                "/Drafts");
        MailFolder archive = folders.stream().filter(f -> "/Archive 2024".equals(f.path())).findFirst().orElseThrow();
        assertThat(archive.totalCount()).isEqualTo(10_000);
        assertThat(folders).extracting(MailFolder::wellKnownName).contains("sentitems", "drafts", "deleteditems", "junkemail");
    }

    @Test
    void aFolderIsCreatedRenamedMovedAndDeletedWithItsPathKeptRight() {
        String name = "Project " + UUID.randomUUID().toString().substring(0, 8);
        MailFolder created = result("folders", MsGraphOperation.createFolder, null, MailFolder.class,
                MsGraphConstants.DISPLAY_NAME, name, MsGraphConstants.FOLDER_ID, "inbox");
        assertThat(created.path()).isEqualTo("/Inbox/" + name);
        assertThat(created.totalCount()).isZero();

        MailFolder renamed = result("folders", MsGraphOperation.renameFolder, name + " renamed", MailFolder.class,
                MsGraphConstants.FOLDER_ID, created.id());
        assertThat(renamed.displayName()).isEqualTo(name + " renamed");
        assertThat(renamed.path()).isEqualTo("/Inbox/" + name + " renamed");

        MailFolder projects = tree().stream().filter(f -> "/Inbox/Projects".equals(f.path())).findFirst().orElseThrow();
        MailFolder moved = result("folders", MsGraphOperation.moveFolder, null, MailFolder.class,
                MsGraphConstants.FOLDER_ID, renamed.id(), MsGraphConstants.DESTINATION_FOLDER_ID, projects.id());
        assertThat(moved.path()).isEqualTo("/Inbox/Projects/" + name + " renamed");
        assertThat(moved.parentId()).isEqualTo(projects.id());

        MailFolder fetched = result("folders", MsGraphOperation.getFolder, null, MailFolder.class, MsGraphConstants.FOLDER_ID, moved.id());
        assertThat(fetched).isEqualTo(moved);

        result("folders", MsGraphOperation.deleteFolder, null, Object.class, MsGraphConstants.FOLDER_ID, moved.id());
        assertThat(tree()).extracting(MailFolder::path).noneMatch(p -> p.startsWith("/Inbox/Projects/" + name));
    }

    @Test
    void getFolderByWellKnownNameAndAnUnknownIdIsNotFound() {
        MailFolder drafts = result("folders", MsGraphOperation.getFolder, null, MailFolder.class, MsGraphConstants.FOLDER_ID, "drafts");
        assertThat(drafts.path()).isEqualTo("/Drafts");
        assertThat(drafts.wellKnownName()).isEqualTo("drafts");
        Exchange missing = call("folders", MsGraphOperation.getFolder, null, MsGraphConstants.FOLDER_ID, "no-such-folder");
        assertThat(missing.getException()).isInstanceOfAny(NotFoundException.class, io.exchangehub.model.InvalidIdException.class);
    }
}
