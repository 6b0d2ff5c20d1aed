package io.exchangehub.component.ews.springboot;

import io.exchangehub.component.ews.EwsAuthentication;
import io.exchangehub.component.ews.EwsSubscriptionMode;
import io.exchangehub.model.Body;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code ews:} component's defaults under {@code camel.component.ews.*}, as Camel's generated
 * starters bind components; every endpoint starts from them. Unset values keep the component's
 * defaults (see docs/components/ews.md); {@code url} defaults to {@code hub.ews.url}. Secrets
 * ({@code password}) come from the environment only.
 */
@ConfigurationProperties("camel.component.ews")
public class EwsComponentProperties {

    /** Whether to configure the ews: component at all. */
    private boolean enabled = true;
    /** The EWS endpoint; defaults to hub.ews.url. */
    private String url;
    /** The default mailbox, when an exchange names none. */
    private String mailbox;
    /** BEARER, APP_ONLY_IMPERSONATION, NTLM or BASIC. */
    private EwsAuthentication authentication;
    /** A reference to the AccessTokenProvider bean, e.g. #bean:ewsTokens. */
    private String accessTokenProvider;
    /** NTLM and Basic: the service account. */
    private String username;
    /** NTLM and Basic: its password (from the environment only). */
    private String password;
    /** NTLM: the Windows domain. */
    private String domain;
    /** The most HTTP connections per EWS URL. */
    private Integer maxConnections;
    /** Milliseconds to open a connection. */
    private Integer connectTimeout;
    /** Milliseconds to wait for the next bytes of an answer. */
    private Integer readTimeout;
    /** Milliseconds to wait for a free pooled connection. */
    private Integer connectionRequestTimeout;
    /** Milliseconds an idle connection is kept. */
    private Integer idleConnectionTimeout;
    /** Retries of an ErrorServerBusy answer. */
    private Integer maxRetries;
    /** The longest back-off in milliseconds the component waits itself. */
    private Long maxBackOff;
    /** Entries per page of list operations. */
    private Integer pageSize;
    /** Whether list views fill recipients, attendees, preview, flag, series master and join URL with one more call per page. */
    private Boolean listDetails;
    /** Ids per EWS call of batch operations. */
    private Integer batchSize;
    /** HTML or TEXT bodies. */
    private Body.ContentType bodyType;
    /** The IANA zone of calendar times. */
    private String timeZone;
    /** Bytes up to which attachments are downloaded whole. */
    private Long streamingThreshold;
    /** Consumer: STREAMING or PULL. */
    private EwsSubscriptionMode subscriptionMode;
    /** Consumer: minutes per streaming connection. */
    private Integer streamingLifetime;
    /** Consumer: milliseconds between GetEvents polls. */
    private Long pullInterval;
    /** Consumer: milliseconds between syncs without notification. */
    private Long syncInterval;
    /** Consumer: changes per SyncFolderItems call. */
    private Integer syncBatchSize;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getMailbox() {
        return mailbox;
    }

    public void setMailbox(String mailbox) {
        this.mailbox = mailbox;
    }

    public EwsAuthentication getAuthentication() {
        return authentication;
    }

    public void setAuthentication(EwsAuthentication authentication) {
        this.authentication = authentication;
    }

    public String getAccessTokenProvider() {
        return accessTokenProvider;
    }

    public void setAccessTokenProvider(String accessTokenProvider) {
        this.accessTokenProvider = accessTokenProvider;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getDomain() {
        return domain;
    }

    public void setDomain(String domain) {
        this.domain = domain;
    }

    public Integer getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(Integer maxConnections) {
        this.maxConnections = maxConnections;
    }

    public Integer getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Integer connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Integer getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(Integer readTimeout) {
        this.readTimeout = readTimeout;
    }

    public Integer getConnectionRequestTimeout() {
        return connectionRequestTimeout;
    }

    public void setConnectionRequestTimeout(Integer connectionRequestTimeout) {
        this.connectionRequestTimeout = connectionRequestTimeout;
    }

    public Integer getIdleConnectionTimeout() {
        return idleConnectionTimeout;
    }

    public void setIdleConnectionTimeout(Integer idleConnectionTimeout) {
        this.idleConnectionTimeout = idleConnectionTimeout;
    }

    public Integer getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(Integer maxRetries) {
        this.maxRetries = maxRetries;
    }

    public Long getMaxBackOff() {
        return maxBackOff;
    }

    public void setMaxBackOff(Long maxBackOff) {
        this.maxBackOff = maxBackOff;
    }

    public Integer getPageSize() {
        return pageSize;
    }

    public void setPageSize(Integer pageSize) {
        this.pageSize = pageSize;
    }

    public Boolean getListDetails() {
        return listDetails;
    }

    public void setListDetails(Boolean listDetails) {
        this.listDetails = listDetails;
    }

    public Integer getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(Integer batchSize) {
        this.batchSize = batchSize;
    }

    public Body.ContentType getBodyType() {
        return bodyType;
    }

    public void setBodyType(Body.ContentType bodyType) {
        this.bodyType = bodyType;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public Long getStreamingThreshold() {
        return streamingThreshold;
    }

    public void setStreamingThreshold(Long streamingThreshold) {
        this.streamingThreshold = streamingThreshold;
    }

    public EwsSubscriptionMode getSubscriptionMode() {
        return subscriptionMode;
    }

    public void setSubscriptionMode(EwsSubscriptionMode subscriptionMode) {
        this.subscriptionMode = subscriptionMode;
    }

    public Integer getStreamingLifetime() {
        return streamingLifetime;
    }

    public void setStreamingLifetime(Integer streamingLifetime) {
        this.streamingLifetime = streamingLifetime;
    }

    public Long getPullInterval() {
        return pullInterval;
    }

    public void setPullInterval(Long pullInterval) {
        this.pullInterval = pullInterval;
    }

    public Long getSyncInterval() {
        return syncInterval;
    }

    public void setSyncInterval(Long syncInterval) {
        this.syncInterval = syncInterval;
    }

    public Integer getSyncBatchSize() {
        return syncBatchSize;
    }

    public void setSyncBatchSize(Integer syncBatchSize) {
        this.syncBatchSize = syncBatchSize;
    }

    /** Without the password. */
    @Override
    public String toString() {
        return "EwsComponentProperties[url=" + url + ", authentication=" + authentication + ", password="
                + (password == null ? "null" : "******") + "]";
    }
}
