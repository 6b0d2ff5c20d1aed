package io.exchangehub.component.ews.mapper;

import io.exchangehub.model.Recipient;
import java.util.ArrayList;
import java.util.List;
import microsoft.exchange.webservices.data.property.complex.EmailAddress;
import microsoft.exchange.webservices.data.property.complex.EmailAddressCollection;

/** EWS mailboxes ({@link EmailAddress}) as the model's {@link Recipient}s. */
public final class RecipientMapper {

    private RecipientMapper() {}

    public static Recipient recipient(EmailAddress address) {
        return address == null ? null : new Recipient(address.getName(), address.getAddress());
    }

    public static List<Recipient> recipients(EmailAddressCollection addresses) {
        List<Recipient> recipients = new ArrayList<>();
        if (addresses != null) {
            addresses.forEach(address -> recipients.add(recipient(address)));
        }
        return List.copyOf(recipients);
    }

    /** Adds model recipients to an ews-java-api collection. */
    public static void addAll(EmailAddressCollection target, List<Recipient> recipients) {
        if (recipients != null) {
            recipients.forEach(r -> target.add(new EmailAddress(r.name().isEmpty() ? null : r.name(), r.address())));
        }
    }
}
