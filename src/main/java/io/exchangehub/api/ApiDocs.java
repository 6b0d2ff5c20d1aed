package io.exchangehub.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
import org.springframework.web.servlet.mvc.ParameterizableViewController;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The API's browsable documentation at {@code /api/v1/docs/}: swagger-ui from its webjar, started by
 * the hub's own initializer (which points it at {@code /api/v1/openapi.json}). Everything is
 * served from the hub's origin, so the page needs no outside script, style or font. Its handler
 * mapping comes before Camel's REST consumer (order -1), which takes every path under
 * {@code /api/v1}; the rest of Spring MVC keeps its own order.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocs {

    static final String PATH = "/api/v1/docs";

    @Bean
    SimpleUrlHandlerMapping apiDocsHandlerMapping() throws Exception {
        ResourceHttpRequestHandler files = new ResourceHttpRequestHandler();
        files.setLocations(List.of(new ClassPathResource("api-docs/"),
                new ClassPathResource("META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion() + "/")));
        files.afterPropertiesSet();
        ParameterizableViewController start = new ParameterizableViewController();
        start.setView(new RedirectView(PATH + "/index.html"));
        SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(Map.of(PATH, start, PATH + "/", start, PATH + "/**", files));
        mapping.setOrder(-2);
        return mapping;
    }

    /** The webjar's version, from its Maven metadata, so that an upgrade changes only the pom. */
    static String swaggerUiVersion() {
        try (InputStream in = new ClassPathResource("META-INF/maven/org.webjars/swagger-ui/pom.properties").getInputStream()) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("The swagger-ui webjar is missing", e);
        }
    }
}
