package io.exchangehub.component.msgraph.springboot;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code msgraph:} component's options under {@code camel.component.msgraph.*}, as a
 * generated Camel starter would bind them. Unset options keep the component's defaults; the
 * meaning of each is on the component's option of the same name (docs/components/msgraph.md).
 */
@ConfigurationProperties("camel.component.msgraph")
public class MsGraphComponentConfiguration {

    /** The Graph root URL; defaults to {@code hub.graph.url}. */
    private String baseUrl;
    /** The hosts that get bearer tokens, comma-separated; defaults to the base URL's host. */
    private String allowedHosts;
    /** The mailbox to work on when an exchange names none. */
    private String mailbox;
    /** A reference ({@code #bean:name}) to the AccessTokenProvider consumers get tokens from. */
    private String accessTokenProvider;
    /** The app registration's client id for app-only access. */
    private String clientId;
    /** The app registration's secret; from the environment only. */
    private String clientSecret;
    /** The token authority of the app credential. */
    private String authority;
    /** The scope app-only tokens are asked for; defaults to {@code hub.graph.scope}. */
    private String scope;
    /** A reference ({@code #bean:name}) to SSLContextParameters for the token authority. */
    private String sslContextParameters;
    /** List operations: items per page. */
    private Integer pageSize;
    /** getMessage and getEvent: html or text. */
    private String bodyType;
    /** Calendar operations: the IANA zone times are returned in. */
    private String timeZone;
    /** addAttachment: the size from which uploads go through an upload session. */
    private Long largeAttachmentThreshold;
    /** addAttachment: the chunk size of upload sessions (a multiple of 320 KiB, at most 4 MB). */
    private Integer uploadChunkSize;
    /** Consumers: the public URL of the receiver route; in sandbox mode, the hub's own. */
    private String notificationUrl;
    /** Consumers: subscription lifetime in minutes. */
    private Integer subscriptionLifetimeMinutes;
    /** Consumers: how many minutes before expiry subscriptions are renewed. */
    private Integer renewBeforeMinutes;
    /** Connect timeout in milliseconds. */
    private Long connectTimeout;
    /** Read timeout in milliseconds. */
    private Long readTimeout;
    /** Idle connections kept in the pool. */
    private Integer maxIdleConnections;
    /** Retries of throttled or unavailable repeatable requests. */
    private Integer maxRetries;
    /** The longest Retry-After waited out, in milliseconds. */
    private Long maxRetryAfter;
    /** Requests at once per mailbox. */
    private Integer maxConcurrentRequestsPerMailbox;
    /** How long a request waits for a slot of its mailbox, in milliseconds. */
    private Long bulkheadMaxWait;

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getAllowedHosts() {
        return allowedHosts;
    }

    public void setAllowedHosts(String allowedHosts) {
        this.allowedHosts = allowedHosts;
    }

    public String getMailbox() {
        return mailbox;
    }

    public void setMailbox(String mailbox) {
        this.mailbox = mailbox;
    }

    public String getAccessTokenProvider() {
        return accessTokenProvider;
    }

    public void setAccessTokenProvider(String accessTokenProvider) {
        this.accessTokenProvider = accessTokenProvider;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public String getAuthority() {
        return authority;
    }

    public void setAuthority(String authority) {
        this.authority = authority;
    }

    public String getScope() {
        return scope;
    }

    public void setScope(String scope) {
        this.scope = scope;
    }

    public String getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(String sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public Integer getPageSize() {
        return pageSize;
    }

    public void setPageSize(Integer pageSize) {
        this.pageSize = pageSize;
    }

    public String getBodyType() {
        return bodyType;
    }

    public void setBodyType(String bodyType) {
        this.bodyType = bodyType;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public Long getLargeAttachmentThreshold() {
        return largeAttachmentThreshold;
    }

    public void setLargeAttachmentThreshold(Long largeAttachmentThreshold) {
        this.largeAttachmentThreshold = largeAttachmentThreshold;
    }

    public Integer getUploadChunkSize() {
        return uploadChunkSize;
    }

    public void setUploadChunkSize(Integer uploadChunkSize) {
        this.uploadChunkSize = uploadChunkSize;
    }

    public String getNotificationUrl() {
        return notificationUrl;
    }

    public void setNotificationUrl(String notificationUrl) {
        this.notificationUrl = notificationUrl;
    }

    public Integer getSubscriptionLifetimeMinutes() {
        return subscriptionLifetimeMinutes;
    }

    public void setSubscriptionLifetimeMinutes(Integer subscriptionLifetimeMinutes) {
        this.subscriptionLifetimeMinutes = subscriptionLifetimeMinutes;
    }

    public Integer getRenewBeforeMinutes() {
        return renewBeforeMinutes;
    }

    public void setRenewBeforeMinutes(Integer renewBeforeMinutes) {
        this.renewBeforeMinutes = renewBeforeMinutes;
    }

    public Long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Long getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(Long readTimeout) {
        this.readTimeout = readTimeout;
    }

    public Integer getMaxIdleConnections() {
        return maxIdleConnections;
    }

    public void setMaxIdleConnections(Integer maxIdleConnections) {
        this.maxIdleConnections = maxIdleConnections;
    }

    public Integer getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(Integer maxRetries) {
        this.maxRetries = maxRetries;
    }

    public Long getMaxRetryAfter() {
        return maxRetryAfter;
    }

    public void setMaxRetryAfter(Long maxRetryAfter) {
        this.maxRetryAfter = maxRetryAfter;
    }

    public Integer getMaxConcurrentRequestsPerMailbox() {
        return maxConcurrentRequestsPerMailbox;
    }

    public void setMaxConcurrentRequestsPerMailbox(Integer maxConcurrentRequestsPerMailbox) {
        this.maxConcurrentRequestsPerMailbox = maxConcurrentRequestsPerMailbox;
    }

    public Long getBulkheadMaxWait() {
        return bulkheadMaxWait;
    }

    public void setBulkheadMaxWait(Long bulkheadMaxWait) {
        this.bulkheadMaxWait = bulkheadMaxWait;
    }
}
