package io.exchangehub.api.contacts;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.exchangehub.api.ApiResponses;
import io.exchangehub.api.Problems;
import io.exchangehub.api.mail.HtmlSanitizer;
import io.exchangehub.api.mailbox.Mailboxes;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans {@code routes/contacts.camel.yaml} refers to by name. */
@Configuration(proxyBeanMethods = false)
class ContactApiConfiguration {

    @Bean
    ContactApi contactApi(ObjectMapper json, ApiResponses responses) {
        return new ContactApi(json, responses);
    }

    /** The timeline reads meetings from {@code hub.api.timeline.meetings-past} ago to {@code meetings-ahead} from now. */
    @Bean
    TimelineApi timelineApi(ApiResponses responses, Problems problems, Mailboxes mailboxes, HtmlSanitizer sanitizer,
            @Value("${hub.api.timeline.meetings-past:P365D}") Duration meetingsPast,
            @Value("${hub.api.timeline.meetings-ahead:P90D}") Duration meetingsAhead) {
        return new TimelineApi(responses, problems, mailboxes, sanitizer, meetingsPast, meetingsAhead, Clock.systemUTC());
    }
}
