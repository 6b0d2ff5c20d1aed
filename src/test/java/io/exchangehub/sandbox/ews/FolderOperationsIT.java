package io.exchangehub.sandbox.ews;

import static org.assertj.core.api.Assertions.assertThat;

import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.core.service.folder.Folder;
import org.junit.jupiter.api.Test;

class FolderOperationsIT extends EwsTestSupport {

    @Test
    void getFolderReturnsTheInboxWithItsCounts() throws Exception {
        ExchangeService service = ews(ALICE);
        Folder inbox = Folder.bind(service, WellKnownFolderName.Inbox);
        assertThat(inbox.getDisplayName()).isEqualTo("Inbox");
        assertThat(inbox.getTotalCount()).isGreaterThan(200);
        assertThat(inbox.getChildFolderCount()).isEqualTo(3);
    }
}
