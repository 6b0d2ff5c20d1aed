package io.exchangehub.component.msgraph;

import io.exchangehub.component.AccessTokenProvider;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.jsse.SSLContextParameters;

/** The options of an msgraph: endpoint; the component's copy is the default of every endpoint. */
@UriParams
public class MsGraphConfiguration implements Cloneable {

    /** Graph's public root. */
    public static final String DEFAULT_BASE_URL = "https://graph.microsoft.com/v1.0";

    /** What the endpoint works on: folders, messages, calendar, contacts, attachments (producers) or notifications (consumer). */
    @UriPath
    @Metadata(required = true)
    private MsGraphResource resource;

    /** The producer operation; the CamelMsGraphOperation header overrides it. */
    @UriParam(label = "producer")
    private MsGraphOperation operation;

    /**
     * The mailbox (its UPN, an SMTP address) to work on when the exchange names none in
     * CamelMsGraphMailbox; required for consumers.
     */
    @UriParam
    private String mailbox;

    /** The Graph root URL; national clouds and the sandbox have their own. */
    @UriParam(defaultValue = DEFAULT_BASE_URL)
    private String baseUrl = DEFAULT_BASE_URL;

    /**
     * The hosts that may receive bearer tokens, comma-separated; by default the host of
     * baseUrl. The SDK sends no token to any other host.
     */
    @UriParam(label = "security")
    private String allowedHosts;

    /**
     * Gives a token for a mailbox when the exchange carries none in CamelMsGraphAccessToken:
     * what consumers (which run without a user request) use. A bean reference.
     */
    @UriParam(label = "security")
    private AccessTokenProvider accessTokenProvider;

    /** The app registration's client id for app-only access (client credentials), used when no token is given otherwise. */
    @UriParam(label = "security")
    private String clientId;

    /** The app registration's client secret; from the environment only. */
    @UriParam(label = "security", secret = true)
    private String clientSecret;

    /** The token authority of the app credential, https://login.microsoftonline.com/<tenant>/. */
    @UriParam(label = "security")
    private String authority;

    /** The scope app-only tokens are asked for. */
    @UriParam(label = "security", defaultValue = "https://graph.microsoft.com/.default")
    private String scope = "https://graph.microsoft.com/.default";

    /** TLS settings for the token authority (a private CA, as the sandbox issuer's self-signed certificate). */
    @UriParam(label = "security")
    private SSLContextParameters sslContextParameters;

    /** List operations: items per page unless CamelMsGraphTop says (1 to 1000). */
    @UriParam(label = "producer", defaultValue = "50")
    private int pageSize = 50;

    /** getMessage and getEvent: the body format, html or text. */
    @UriParam(label = "producer", defaultValue = "html", enums = "html,text")
    private String bodyType = "html";

    /** Calendar operations: the IANA zone times are returned in unless CamelMsGraphTimeZone says. */
    @UriParam(label = "producer", defaultValue = "UTC")
    private String timeZone = "UTC";

    /** addAttachment: attachments of at least this many bytes go up in an upload session instead of one request. */
    @UriParam(label = "producer,advanced", defaultValue = "3145728")
    private long largeAttachmentThreshold = 3L * 1024 * 1024;

    /**
     * addAttachment: the chunk size of upload sessions; a multiple of 320 KiB of at most 4 MB, as
     * Outlook asks.
     */
    @UriParam(label = "producer,advanced", defaultValue = "3932160")
    private int uploadChunkSize = 12 * 320 * 1024;

    /**
     * Consumer: push (Graph change notifications to notificationUrl, caught up with
     * delta after a gap) or delta (polling delta queries every delay ms, where
     * Graph cannot reach the hub).
     */
    @UriParam(label = "consumer", defaultValue = "push", enums = "push,delta")
    private String mode = "push";

    /** Consumer: what to watch, comma-separated from messages, events and contacts (delta mode: messages and events). */
    @UriParam(label = "consumer", defaultValue = "messages,events,contacts")
    private String resources = "messages,events,contacts";

    /** Consumer: the mail folders whose messages delta queries follow (ids or well-known names), comma-separated. */
    @UriParam(label = "consumer", defaultValue = "inbox")
    private String folders = "inbox";

    /** Consumer (push): the public URL of the hub's receiver route, where Graph sends notifications. */
    @UriParam(label = "consumer")
    private String notificationUrl;

    /** Consumer (push): how long a subscription lasts before it is renewed, in minutes (Outlook allows up to 10080). */
    @UriParam(label = "consumer", defaultValue = "4320")
    private int subscriptionLifetimeMinutes = 4320;

    /** Consumer (push): how many minutes before its expiry a subscription is renewed. */
    @UriParam(label = "consumer", defaultValue = "60")
    private int renewBeforeMinutes = 60;

    /** Consumer: how many days before today the calendar window of delta queries starts. */
    @UriParam(label = "consumer", defaultValue = "30")
    private int calendarPastDays = 30;

    /** Consumer: how many days after today the calendar window of delta queries ends. */
    @UriParam(label = "consumer", defaultValue = "365")
    private int calendarFutureDays = 365;

    /** Consumer: the page size asked of delta queries (odata.maxpagesize). */
    @UriParam(label = "consumer,advanced", defaultValue = "200")
    private int deltaPageSize = 200;

    public MsGraphResource getResource() {
        return resource;
    }

    public void setResource(MsGraphResource resource) {
        this.resource = resource;
    }

    public MsGraphOperation getOperation() {
        return operation;
    }

    public void setOperation(MsGraphOperation operation) {
        this.operation = operation;
    }

    public String getMailbox() {
        return mailbox;
    }

    public void setMailbox(String mailbox) {
        this.mailbox = mailbox;
    }

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

    public AccessTokenProvider getAccessTokenProvider() {
        return accessTokenProvider;
    }

    public void setAccessTokenProvider(AccessTokenProvider accessTokenProvider) {
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

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public int getPageSize() {
        return pageSize;
    }

    public void setPageSize(int pageSize) {
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

    public long getLargeAttachmentThreshold() {
        return largeAttachmentThreshold;
    }

    public void setLargeAttachmentThreshold(long largeAttachmentThreshold) {
        this.largeAttachmentThreshold = largeAttachmentThreshold;
    }

    public int getUploadChunkSize() {
        return uploadChunkSize;
    }

    public void setUploadChunkSize(int uploadChunkSize) {
        this.uploadChunkSize = uploadChunkSize;
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    public String getResources() {
        return resources;
    }

    public void setResources(String resources) {
        this.resources = resources;
    }

    public String getFolders() {
        return folders;
    }

    public void setFolders(String folders) {
        this.folders = folders;
    }

    public String getNotificationUrl() {
        return notificationUrl;
    }

    public void setNotificationUrl(String notificationUrl) {
        this.notificationUrl = notificationUrl;
    }

    public int getSubscriptionLifetimeMinutes() {
        return subscriptionLifetimeMinutes;
    }

    public void setSubscriptionLifetimeMinutes(int subscriptionLifetimeMinutes) {
        this.subscriptionLifetimeMinutes = subscriptionLifetimeMinutes;
    }

    public int getRenewBeforeMinutes() {
        return renewBeforeMinutes;
    }

    public void setRenewBeforeMinutes(int renewBeforeMinutes) {
        this.renewBeforeMinutes = renewBeforeMinutes;
    }

    public int getCalendarPastDays() {
        return calendarPastDays;
    }

    public void setCalendarPastDays(int calendarPastDays) {
        this.calendarPastDays = calendarPastDays;
    }

    public int getCalendarFutureDays() {
        return calendarFutureDays;
    }

    public void setCalendarFutureDays(int calendarFutureDays) {
        this.calendarFutureDays = calendarFutureDays;
    }

    public int getDeltaPageSize() {
        return deltaPageSize;
    }

    public void setDeltaPageSize(int deltaPageSize) {
        this.deltaPageSize = deltaPageSize;
    }

    public MsGraphConfiguration copy() {
        try {
            return (MsGraphConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
