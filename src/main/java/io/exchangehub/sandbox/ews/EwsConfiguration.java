package io.exchangehub.sandbox.ews;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the EWS face's settings; its operations are components of this package. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EwsProperties.class)
class EwsConfiguration {}
