package io.exchangehub.component.ews;

import io.exchangehub.component.AccessTokenProvider;
import io.exchangehub.model.Body;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/** The options of an {@code ews:} endpoint; the component's copy is the default every endpoint starts from. */
@UriParams
public class EwsConfiguration implements Cloneable {

    /** The EWS endpoint, e.g. {@code https://mail.contoso.com/EWS/Exchange.asmx}. The Spring binding defaults it to {@code hub.ews.url}. */
    @UriParam
    @Metadata(required = true)
    private String url;

    /** The producer's operation; the {@code CamelEwsOperation} header overrides it. */
    @UriParam(label = "producer")
    private EwsOperation operation;

    /** The mailbox (SMTP address) to work in when the {@code CamelEwsMailbox} header names none; required by the consumer. */
    @UriParam
    private String mailbox;

    /** How to authenticate: a bearer token per exchange (BEARER), app-only with impersonation, NTLM or Basic. */
    @UriParam(label = "security", defaultValue = "BEARER")
    private EwsAuthentication authentication = EwsAuthentication.BEARER;

    /**
     * Where tokens come from when an exchange carries none: consumers always, APP_ONLY_IMPERSONATION always.
     * Reference a bean, e.g. {@code #bean:ewsTokens}.
     */
    @UriParam(label = "security")
    private AccessTokenProvider accessTokenProvider;

    /** NTLM and Basic: the service account's user name. */
    @UriParam(label = "security", secret = true)
    private String username;

    /** NTLM and Basic: the service account's password. */
    @UriParam(label = "security", secret = true)
    private String password;

    /** NTLM: the service account's Windows domain. */
    @UriParam(label = "security")
    private String domain;

    /** The most HTTP connections to the EWS URL (shared by every endpoint of that URL), and so the most concurrent calls. */
    @UriParam(label = "advanced", defaultValue = "50")
    private int maxConnections = 50;

    /** Milliseconds to open a connection. */
    @UriParam(label = "advanced", defaultValue = "10000")
    private int connectTimeout = 10_000;

    /** Milliseconds to wait for the next bytes of an answer. */
    @UriParam(label = "advanced", defaultValue = "100000")
    private int readTimeout = 100_000;

    /** Milliseconds to wait for a free pooled connection. */
    @UriParam(label = "advanced", defaultValue = "10000")
    private int connectionRequestTimeout = 10_000;

    /** Milliseconds an idle pooled connection is kept before it is closed. */
    @UriParam(label = "advanced", defaultValue = "60000")
    private int idleConnectionTimeout = 60_000;

    /** How often an ErrorServerBusy answer is retried (after the back-off Exchange asked for) before a throttled error. */
    @UriParam(label = "advanced", defaultValue = "2")
    private int maxRetries = 2;

    /** The longest back-off in milliseconds the component waits itself; a longer one is handed to the caller as a throttled error at once. */
    @UriParam(label = "advanced", defaultValue = "30000")
    private long maxBackOff = 30_000;

    /** List operations: entries per page when the {@code CamelEwsTop} header gives none. */
    @UriParam(label = "producer", defaultValue = "50")
    private int pageSize = 50;

    /**
     * listMessages and listEvents: whether to fill in what a FindItem cannot give, with one more
     * GetItem per page (at the Exchange 2013 level): a message's to and cc recipients, preview and
     * follow-up flag; an event's attendees and preview, an occurrence's series master and an online
     * meeting's join URL. Off for a route that needs only ids or subjects: the page then costs one
     * round trip, and those fields stay empty or null.
     */
    @UriParam(label = "producer", defaultValue = "true")
    private boolean listDetails = true;

    /** Batch operations: how many ids go into one EWS call. */
    @UriParam(label = "producer", defaultValue = "100")
    private int batchSize = 100;

    /** getMessage, getEvent: the body's format when the {@code CamelEwsBodyType} header gives none. */
    @UriParam(label = "producer", defaultValue = "HTML")
    private Body.ContentType bodyType = Body.ContentType.HTML;

    /** Calendar operations: the IANA zone of returned times when the {@code CamelEwsTimeZone} header gives none. */
    @UriParam(label = "producer", defaultValue = "UTC")
    private String timeZone = "UTC";

    /**
     * Attachments up to this many bytes are downloaded whole and the connection released at once;
     * larger ones are streamed from the connection as the caller reads. (Uploads are always streamed.)
     */
    @UriParam(label = "producer", defaultValue = "1048576")
    private long streamingThreshold = 1_048_576;

    /** Consumer: the folders to watch, comma-separated well-known names or ids. */
    @UriParam(label = "consumer", defaultValue = "inbox")
    private String folders = "inbox";

    /** Consumer: STREAMING (one GetStreamingEvents connection per mailbox) or PULL (GetEvents polled). */
    @UriParam(label = "consumer", defaultValue = "STREAMING")
    private EwsSubscriptionMode subscriptionMode = EwsSubscriptionMode.STREAMING;

    /** Consumer: minutes a streaming connection stays open before it is renewed (Exchange's limit is 30). */
    @UriParam(label = "consumer", defaultValue = "25")
    private int streamingLifetime = 25;

    /** Consumer: milliseconds between GetEvents polls of a pull subscription. */
    @UriParam(label = "consumer", defaultValue = "10000")
    private long pullInterval = 10_000;

    /**
     * Consumer: milliseconds between catch-up syncs when no notification came, the safety net for
     * a notification lost on Exchange's side.
     */
    @UriParam(label = "consumer", defaultValue = "300000")
    private long syncInterval = 300_000;

    /** Consumer: changes per SyncFolderItems call (1–512). */
    @UriParam(label = "consumer", defaultValue = "256")
    private int syncBatchSize = 256;

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public EwsOperation getOperation() {
        return operation;
    }

    public void setOperation(EwsOperation operation) {
        this.operation = operation;
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

    public AccessTokenProvider getAccessTokenProvider() {
        return accessTokenProvider;
    }

    public void setAccessTokenProvider(AccessTokenProvider accessTokenProvider) {
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

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public int getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(int connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public int getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(int readTimeout) {
        this.readTimeout = readTimeout;
    }

    public int getConnectionRequestTimeout() {
        return connectionRequestTimeout;
    }

    public void setConnectionRequestTimeout(int connectionRequestTimeout) {
        this.connectionRequestTimeout = connectionRequestTimeout;
    }

    public int getIdleConnectionTimeout() {
        return idleConnectionTimeout;
    }

    public void setIdleConnectionTimeout(int idleConnectionTimeout) {
        this.idleConnectionTimeout = idleConnectionTimeout;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getMaxBackOff() {
        return maxBackOff;
    }

    public void setMaxBackOff(long maxBackOff) {
        this.maxBackOff = maxBackOff;
    }

    public int getPageSize() {
        return pageSize;
    }

    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    public boolean isListDetails() {
        return listDetails;
    }

    public void setListDetails(boolean listDetails) {
        this.listDetails = listDetails;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
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

    public long getStreamingThreshold() {
        return streamingThreshold;
    }

    public void setStreamingThreshold(long streamingThreshold) {
        this.streamingThreshold = streamingThreshold;
    }

    public String getFolders() {
        return folders;
    }

    public void setFolders(String folders) {
        this.folders = folders;
    }

    public EwsSubscriptionMode getSubscriptionMode() {
        return subscriptionMode;
    }

    public void setSubscriptionMode(EwsSubscriptionMode subscriptionMode) {
        this.subscriptionMode = subscriptionMode;
    }

    public int getStreamingLifetime() {
        return streamingLifetime;
    }

    public void setStreamingLifetime(int streamingLifetime) {
        this.streamingLifetime = streamingLifetime;
    }

    public long getPullInterval() {
        return pullInterval;
    }

    public void setPullInterval(long pullInterval) {
        this.pullInterval = pullInterval;
    }

    public long getSyncInterval() {
        return syncInterval;
    }

    public void setSyncInterval(long syncInterval) {
        this.syncInterval = syncInterval;
    }

    public int getSyncBatchSize() {
        return syncBatchSize;
    }

    public void setSyncBatchSize(int syncBatchSize) {
        this.syncBatchSize = syncBatchSize;
    }

    public EwsConfiguration copy() {
        try {
            return (EwsConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    /** Without the password: the configuration may be printed. */
    @Override
    public String toString() {
        return "EwsConfiguration[url=" + url + ", authentication=" + authentication + ", mailbox=" + mailbox + ", username="
                + (username == null ? "null" : "******") + ", password=" + (password == null ? "null" : "******") + "]";
    }
}
