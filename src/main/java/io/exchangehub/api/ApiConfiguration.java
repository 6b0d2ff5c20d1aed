package io.exchangehub.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.exchangehub.api.http.ApiHeaderFilter;
import io.exchangehub.config.HubProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans the API routes in {@code routes/api.camel.yaml} refer to by name. */
@Configuration(proxyBeanMethods = false)
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
    ApiIndex apiIndex(HubProperties properties, ObjectProvider<BuildProperties> build) {
        BuildProperties buildProperties = build.getIfAvailable();
        return new ApiIndex(properties.mode(), buildProperties == null ? "dev" : buildProperties.getVersion());
    }
}
