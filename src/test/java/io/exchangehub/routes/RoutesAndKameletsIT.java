package io.exchangehub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.exchangehub.HubIntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yaml.snakeyaml.Yaml;

/** Every file in routes/ and kamelets/ loads, and every route it declares runs. */
class RoutesAndKameletsIT extends HubIntegrationTest {

    @Autowired
    CamelContext camel;

    @Autowired
    ProducerTemplate producer;

    @Test
    void everyRouteInEveryRouteFileIsLoadedAndStarted() throws IOException {
        List<Path> files = yamlFiles(Path.of("routes"), ".camel.yaml");
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            for (String routeId : routeIds(file)) {
                assertThat(camel.getRouteController().getRouteStatus(routeId)).as("%s in %s", routeId, file)
                        .isEqualTo(ServiceStatus.Started);
            }
        }
    }

    @Test
    void everyKameletFileLoadsAsARouteTemplate() throws Exception {
        List<Path> files = yamlFiles(Path.of("kamelets"), ".kamelet.yaml");
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            String name = file.getFileName().toString().replace(".kamelet.yaml", "");
            PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.resolveMandatoryResource(camel, "file:" + file));
            assertThat(camel.getCamelContextExtension().getContextPlugin(org.apache.camel.model.Model.class)
                    .getRouteTemplateDefinition(name)).as(name).isNotNull();
        }
    }

    @Test
    void redactCredentialsActionRemovesEveryCredentialHeaderAndKeepsTheRest() throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:redact-test").routeId("redact-credentials-test").to("kamelet:redact-credentials-action");
            }
        });
        Map<String, Object> headers = Map.of("Authorization", "Bearer abc", "Cookie", "__Host-session=1",
                "CamelEwsAccessToken", "t", "X-Hub-Secret-Key", "s", "X-Client-Password", "p", "Mailbox", "alice@contoso.example",
                "Content-Type", "application/json");
        var result = producer.send("direct:redact-test", exchange -> exchange.getMessage().setHeaders(new java.util.HashMap<>(headers)));
        assertThat(result.getMessage().getHeaders()).containsOnlyKeys("Mailbox", "Content-Type");
    }

    private static List<Path> yamlFiles(Path folder, String suffix) throws IOException {
        try (Stream<Path> paths = Files.list(folder)) {
            return paths.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    /** The ids of the {@code route:} entries of a YAML DSL file. */
    @SuppressWarnings("unchecked")
    private static List<String> routeIds(Path file) throws IOException {
        List<String> ids = new ArrayList<>();
        List<Map<String, Object>> entries = new Yaml().load(Files.readString(file));
        for (Map<String, Object> entry : entries) {
            if (entry.get("route") instanceof Map<?, ?> route) {
                assertThat(route.get("id")).as("every route in %s has an explicit id", file).isNotNull();
                ids.add((String) route.get("id"));
            }
        }
        return ids;
    }
}
