package io.exchangehub.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.exchangehub.api.backend.BackendHeaders;
import io.exchangehub.api.backend.BackendOutcome;
import io.exchangehub.api.contract.ApiContract;
import io.exchangehub.api.contract.ContractPaths;
import io.exchangehub.api.http.ApiHeaderFilter;
import io.exchangehub.api.mail.HtmlSanitizer;
import io.exchangehub.api.mail.MailFolderApi;
import io.exchangehub.api.mail.MessageApi;
import io.exchangehub.api.mailbox.MailboxRouting;
import io.exchangehub.api.mailbox.Mailboxes;
import io.exchangehub.config.HubProperties;
import io.exchangehub.identity.MailboxProperties;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans the API routes in {@code routes/*.camel.yaml} refer to by name. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailboxRouting.class)
class ApiConfiguration {

    @Bean
    Problems problems(ObjectMapper json) {
        return new Problems(json);
    }

    @Bean
    ApiHeaderFilter apiHeaderFilter() {
        return new ApiHeaderFilter();
    }

    @Bean
    ApiContract apiContract() {
        return new ApiContract();
    }

    /** Paths and methods the contract lacks are problems, after identity (a stranger learns nothing) and before Camel. */
    @Bean
    FilterRegistrationBean<ContractPaths> contractPaths(ApiContract contract, Problems problems) {
        FilterRegistrationBean<ContractPaths> registration = new FilterRegistrationBean<>(new ContractPaths(contract,
                ApiResponses.BASE, List.of(ApiDocs.PATH + "/**", ApiResponses.BASE + "/notifications/**"), problems));
        registration.addUrlPatterns(ApiResponses.BASE, ApiResponses.BASE + "/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    @Bean
    ApiEntry apiEntry(ApiContract contract) {
        return new ApiEntry(contract);
    }

    @Bean
    ApiResponses apiResponses(ObjectMapper json) {
        return new ApiResponses(json);
    }

    @Bean
    ApiIndex apiIndex(HubProperties properties, ObjectProvider<BuildProperties> build) {
        BuildProperties buildProperties = build.getIfAvailable();
        return new ApiIndex(properties.mode(), buildProperties == null ? "dev" : buildProperties.getVersion());
    }

    @Bean
    Mailboxes mailboxes(MailboxRouting routing, MailboxProperties shared) {
        return new Mailboxes(routing, shared);
    }

    @Bean
    BackendHeaders backendHeaders() {
        return new BackendHeaders();
    }

    @Bean
    BackendOutcome backendOutcome() {
        return new BackendOutcome();
    }

    @Bean
    HtmlSanitizer htmlSanitizer() {
        return new HtmlSanitizer();
    }

    @Bean
    MailFolderApi mailFolderApi(ObjectMapper json, ApiResponses responses) {
        return new MailFolderApi(json, responses);
    }

    @Bean
    MessageApi messageApi(ObjectMapper json, ApiResponses responses, Problems problems, HtmlSanitizer sanitizer) {
        return new MessageApi(json, responses, problems, sanitizer);
    }
}
