package io.exchangehub.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;
import org.springframework.util.StringUtils;

/**
 * Settles what the rest of the start-up depends on, once the configuration files are read:
 * <ul>
 *   <li>{@code hub.mode} from the active profile (exactly one of {@code sandbox}, {@code production});</li>
 *   <li>{@code REDIS_URL} as the Redis URL when {@code spring.data.redis.url} is not set;</li>
 *   <li>where routes and Kamelets load from: the working directory's {@code routes/} and
 *       {@code kamelets/} when they exist, else the copies packaged in the jar;</li>
 *   <li>in production, every missing required setting, reported at once.</li>
 * </ul>
 */
public class HubEnvironment implements EnvironmentPostProcessor, Ordered {

    /** After the configuration files, before anything that needs Redis. */
    public static final int ORDER = ConfigDataEnvironmentPostProcessor.ORDER + 10;

    static final String ROUTES_PATTERN = "camel.main.routes-include-pattern";
    static final String KAMELET_LOCATION = "camel.component.kamelet.location";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        HubMode mode = activeMode(environment);
        Map<String, Object> settled = new LinkedHashMap<>();
        settled.put("hub.mode", mode.id());

        String redisUrl = environment.getProperty("REDIS_URL");
        if (!StringUtils.hasText(environment.getProperty("spring.data.redis.url")) && StringUtils.hasText(redisUrl)) {
            settled.put("spring.data.redis.url", redisUrl);
        }
        locations(Path.of(""), environment).forEach(settled::putIfAbsent);
        environment.getPropertySources().addFirst(new MapPropertySource("hub-environment", settled));

        if (mode == HubMode.PRODUCTION) {
            List<String> missing = missingProductionSettings(environment);
            if (!missing.isEmpty()) {
                throw new MissingSettingsException(missing);
            }
        }
    }

    /**
     * Where routes and Kamelets load from, unless configured: the working directory's folders
     * when they exist (edited in place), else the copies packaged in the jar.
     */
    static Map<String, Object> locations(Path workingDirectory, ConfigurableEnvironment environment) {
        Map<String, Object> locations = new LinkedHashMap<>();
        if (!environment.containsProperty(ROUTES_PATTERN)) {
            locations.put(ROUTES_PATTERN, Files.isDirectory(workingDirectory.resolve("routes"))
                    ? "file:routes/*.camel.yaml" : "classpath:routes/*.camel.yaml");
        }
        if (!environment.containsProperty(KAMELET_LOCATION)) {
            locations.put(KAMELET_LOCATION, Files.isDirectory(workingDirectory.resolve("kamelets"))
                    ? "file:kamelets,classpath:kamelets" : "classpath:kamelets");
        }
        return locations;
    }

    static HubMode activeMode(ConfigurableEnvironment environment) {
        boolean sandbox = environment.acceptsProfiles(Profiles.of(HubMode.SANDBOX.id()));
        boolean production = environment.acceptsProfiles(Profiles.of(HubMode.PRODUCTION.id()));
        if (sandbox == production) {
            throw new IllegalStateException("Exactly one of the profiles 'sandbox' and 'production' must be active; active: "
                    + String.join(",", environment.getActiveProfiles()));
        }
        return sandbox ? HubMode.SANDBOX : HubMode.PRODUCTION;
    }

    /** Each required production setting that has no value, with the environment variable that sets it. */
    static List<String> missingProductionSettings(ConfigurableEnvironment environment) {
        List<String> required = new ArrayList<>(List.of(
                "hub.identity.tenant-id", "hub.identity.client-id", "hub.identity.client-secret",
                "hub.identity.api-audience", "hub.identity.token-cache.key", "spring.data.redis.url"));
        if (environment.getProperty("hub.ews.enabled", Boolean.class, true)) {
            required.add("hub.ews.url");
            required.add("hub.ews.scope");
        }
        if (environment.getProperty("hub.graph.enabled", Boolean.class, true)) {
            required.add("hub.graph.url");
            required.add("hub.graph.scope");
        }
        return required.stream()
                .filter(name -> !StringUtils.hasText(environment.getProperty(name)))
                .map(name -> name + " (" + environmentVariable(name) + ")")
                .toList();
    }

    static String environmentVariable(String property) {
        if (property.equals("spring.data.redis.url")) {
            return "REDIS_URL";
        }
        return property.replace('.', '_').replace("-", "").toUpperCase();
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
