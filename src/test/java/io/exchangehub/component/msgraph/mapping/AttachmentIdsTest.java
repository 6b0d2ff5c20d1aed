package io.exchangehub.component.msgraph.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exchangehub.model.InvalidIdException;
import org.junit.jupiter.api.Test;

class AttachmentIdsTest {

    @Test
    void anAttachmentIdCarriesItsMessageAndIsUrlSafe() {
        String message = "AAMkAGI2TG93AAA=";
        String attachment = "AAMkAGI2TG93AAABEgAQAK/+x==";
        String id = AttachmentIds.of(message, attachment);
        assertThat(id).matches("[A-Za-z0-9_-]+");
        assertThat(AttachmentIds.parse(id)).isEqualTo(new AttachmentIds.Parts(message, attachment));
    }

    @Test
    void anIdThisHubDidNotMakeIsInvalid() {
        for (String forged : new String[] {"AAMkAGI2", "not an id", "", "Cg"}) {
            assertThatThrownBy(() -> AttachmentIds.parse(forged)).as(forged).isInstanceOf(InvalidIdException.class);
        }
    }
}
