package io.exchangehub.api.calendar;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.exchangehub.api.ApiResponses;
import io.exchangehub.api.mail.HtmlSanitizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans {@code routes/calendar.camel.yaml} refers to by name. */
@Configuration(proxyBeanMethods = false)
class CalendarApiConfiguration {

    @Bean
    CalendarApi calendarApi(ObjectMapper json, ApiResponses responses, HtmlSanitizer sanitizer) {
        return new CalendarApi(json, responses, sanitizer);
    }
}
