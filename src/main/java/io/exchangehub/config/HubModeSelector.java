package io.exchangehub.config;

import java.util.Arrays;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * Chooses the mode before the configuration files are read, so that the profile-specific
 * sections of {@code config/application.yaml} apply: {@code production} when Exchange is
 * configured from outside (environment variables, system properties, command line), otherwise
 * {@code sandbox}. An explicit {@code spring.profiles.active} always wins.
 */
public class HubModeSelector implements EnvironmentPostProcessor, Ordered {

    /** Settings whose presence means "a real Exchange is configured". */
    static final List<String> EXCHANGE_SETTINGS = List.of("hub.ews.url", "hub.graph.url", "hub.identity.tenant-id");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (StringUtils.hasText(environment.getProperty("spring.profiles.active"))
                || environment.getActiveProfiles().length > 0) {
            return;
        }
        boolean exchangeConfigured = EXCHANGE_SETTINGS.stream()
                .anyMatch(name -> StringUtils.hasText(environment.getProperty(name)));
        HubMode mode = exchangeConfigured ? HubMode.PRODUCTION : HubMode.SANDBOX;
        String[] defaults = environment.getDefaultProfiles();
        if (Arrays.equals(defaults, new String[] {"default"})) {
            environment.setDefaultProfiles(mode.id());
        }
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER - 1;
    }
}
