package io.exchangehub;

import io.exchangehub.config.HubProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * Exchange Hub: the CRM's integration hub to Exchange (EWS) and Exchange Online (Microsoft Graph).
 *
 * <p>The sandbox package is left out of component scanning: it is switched on as a whole, by
 * its auto-configuration, in sandbox mode only, so that in production none of it exists.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.REGEX, pattern = "io\\.exchangehub\\.sandbox\\..*")})
@EnableConfigurationProperties(HubProperties.class)
public class ExchangeHubApplication {

    public static void main(String[] args) {
        SpringApplication.run(ExchangeHubApplication.class, args);
    }
}
