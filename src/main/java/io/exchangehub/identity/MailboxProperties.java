package io.exchangehub.identity;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Mailboxes other than their own that callers may open with {@code ?mailbox=}, under {@code hub.mailboxes.*}.
 *
 * @param shared shared (or delegated) mailboxes and the users who may open them
 */
@ConfigurationProperties("hub.mailboxes")
public record MailboxProperties(List<Shared> shared) {

    public MailboxProperties {
        shared = shared == null ? List.of() : List.copyOf(shared);
    }

    /**
     * @param address the mailbox's SMTP address
     * @param members the user principal names who may open it
     */
    public record Shared(String address, List<String> members) {

        public Shared {
            members = members == null ? List.of() : List.copyOf(members);
        }
    }
}
