package io.exchangehub.identity;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which mailbox a caller may open: a user their own ({@code preferred_username}) and the shared or
 * delegated mailboxes {@code hub.mailboxes.shared} grants them; an app with an app role any mailbox
 * (application permissions are tenant-wide, as Exchange's are, and Exchange application access
 * policies narrow them there).
 */
final class MailboxAccess {

    /** The query parameter that names another mailbox than the caller's own. */
    static final String PARAMETER = "mailbox";

    private final Map<String, Set<String>> membersByMailbox = new HashMap<>();

    MailboxAccess(MailboxProperties properties) {
        for (MailboxProperties.Shared shared : properties.shared()) {
            Set<String> members = membersByMailbox.computeIfAbsent(lower(shared.address()), key -> new HashSet<>());
            shared.members().forEach(member -> members.add(lower(member)));
        }
    }

    /**
     * The mailbox the caller acts on.
     *
     * @param requested the {@code mailbox} parameter, or null
     * @return the target mailbox (null for an app that named none), or null with {@code allowed} false
     */
    Target resolve(CallerContext caller, String requested) {
        if (requested == null || requested.isBlank()) {
            return new Target(true, caller.upn());
        }
        String mailbox = lower(requested.strip());
        if (caller.appOnly()) {
            return new Target(true, mailbox);
        }
        boolean allowed = mailbox.equals(caller.upn())
                || (caller.upn() != null && membersByMailbox.getOrDefault(mailbox, Set.of()).contains(caller.upn()));
        return new Target(allowed, mailbox);
    }

    /**
     * @param allowed whether the caller may open it
     * @param mailbox the mailbox, lower case
     */
    record Target(boolean allowed, String mailbox) {}

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }
}
