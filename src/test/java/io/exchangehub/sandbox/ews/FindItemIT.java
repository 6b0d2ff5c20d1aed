package io.exchangehub.sandbox.ews;

import static org.assertj.core.api.Assertions.assertThat;

import io.exchangehub.sandbox.seed.SeedPopulator;
import java.util.HashSet;
import java.util.Set;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.PropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.BasePropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.core.enumeration.search.FolderTraversal;
import microsoft.exchange.webservices.data.core.service.item.Item;
import microsoft.exchange.webservices.data.core.service.schema.FolderSchema;
import microsoft.exchange.webservices.data.core.service.schema.ItemSchema;
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
            }
            offset = page.getNextPageOffset() == null ? offset + page.getItems().size() : page.getNextPageOffset();
            pages++;
        } while (page.isMoreAvailable());
        assertThat(seen).hasSize(SeedPopulator.ARCHIVE_SIZE);
        assertThat(pages).isEqualTo(10);
    }
}
