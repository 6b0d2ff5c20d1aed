package io.exchangehub.component.msgraph.mapping;

import com.microsoft.graph.models.EmailAddress;
import io.exchangehub.model.Recipient;
import java.util.ArrayList;
import java.util.List;

/** Graph's recipients and e-mail addresses as the model's {@link Recipient}, and back. */
public final class Recipients {

    private Recipients() {}

    public static Recipient of(com.microsoft.graph.models.Recipient recipient) {
        return recipient == null ? null : of(recipient.getEmailAddress());
    }

    public static Recipient of(EmailAddress address) {
        return address == null ? null : new Recipient(address.getName(), address.getAddress());
    }

    public static List<Recipient> of(List<com.microsoft.graph.models.Recipient> recipients) {
        List<Recipient> result = new ArrayList<>();
        if (recipients != null) {
            for (com.microsoft.graph.models.Recipient recipient : recipients) {
                Recipient mapped = of(recipient);
                if (mapped != null) {
                    result.add(mapped);
                }
            }
        }
        return List.copyOf(result);
    }

    public static com.microsoft.graph.models.Recipient toGraph(Recipient recipient) {
        com.microsoft.graph.models.Recipient result = new com.microsoft.graph.models.Recipient();
        result.setEmailAddress(address(recipient));
        return result;
    }

    public static List<com.microsoft.graph.models.Recipient> toGraph(List<Recipient> recipients) {
        return recipients.stream().map(Recipients::toGraph).toList();
    }

    public static EmailAddress address(Recipient recipient) {
        EmailAddress address = new EmailAddress();
        address.setAddress(recipient.address());
        if (!recipient.name().isEmpty()) {
            address.setName(recipient.name());
        }
        return address;
    }
}
