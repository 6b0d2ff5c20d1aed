package io.exchangehub.api.contacts;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.exchangehub.api.ApiResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans {@code routes/contacts.camel.yaml} refers to by name. */
@Configuration(proxyBeanMethods = false)
class ContactApiConfiguration {

    @Bean
    ContactApi contactApi(ObjectMapper json, ApiResponses responses) {
        return new ContactApi(json, responses);
    }
}
