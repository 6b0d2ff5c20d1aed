package io.exchangehub.api.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exchangehub.api.ids.HubId.Backend;
import io.exchangehub.api.mailbox.MailboxRouting.Route;
import java.util.List;
import org.junit.jupiter.api.Test;

class MailboxRoutingTest {

    @Test
    void anAddressRuleWinsOverItsDomainsRuleWhichWinsOverTheDefault() {
        MailboxRouting routing = new MailboxRouting("ews", List.of(
                new Route(null, "online.contoso.com", "graph"),
                new Route("back.on.premises@online.contoso.com", null, "ews"),
                new Route("Carol@Contoso.com", null, "graph")));
        assertThat(routing.backendOf("alice@contoso.com")).isEqualTo(Backend.EWS);
        assertThat(routing.backendOf("carol@contoso.com")).isEqualTo(Backend.GRAPH);
        assertThat(routing.backendOf("dan@ONLINE.contoso.com")).isEqualTo(Backend.GRAPH);
        assertThat(routing.backendOf("back.on.premises@online.contoso.com")).isEqualTo(Backend.EWS);
    }

    @Test
    void aRuleMustNameAnAddressOrADomainAndAKnownBackend() {
        assertThatThrownBy(() -> new MailboxRouting("ews", List.of(new Route("a@b.c", "b.c", "graph"))))
                .hasMessageContaining("either an address or a domain");
        assertThatThrownBy(() -> new MailboxRouting("ews", List.of(new Route("a@b.c", null, "imap"))))
                .hasMessageContaining("Unknown backend 'imap'");
        assertThatThrownBy(() -> new MailboxRouting("pop3", null)).hasMessageContaining("Unknown backend");
    }
}
