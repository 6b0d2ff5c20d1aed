package io.exchangehub.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;
import org.springframework.security.oauth2.jwt.Jwt;

/** The access rules and shared mailboxes shipped in config/application.yaml, as the hub binds them. */
class AccessRulesTest {

    private static List<PropertySource<?>> shipped() throws IOException {
        return new YamlPropertySourceLoader().load("application", new FileSystemResource("config/application.yaml"));
    }

    private static <T> T bind(String prefix, Class<T> type, int document) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(shipped().get(document));
        return new Binder(ConfigurationPropertySources.get(environment)).bindOrCreate(prefix, type);
    }

    private static final AccessRules RULES;
    private static final MailboxAccess SANDBOX_MAILBOXES;

    static {
        try {
            RULES = new AccessRules(bind("hub.identity", IdentityProperties.class, 0).access());
            SANDBOX_MAILBOXES = new MailboxAccess(bind("hub.mailboxes", MailboxProperties.class, 1));
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static CallerContext user(String upn, String scopes) {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").claim("oid", "o-" + upn).claim("tid", "t")
                .claim("preferred_username", upn).claim("scp", scopes).issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
        return CallerContext.of(jwt, false);
    }

    private static CallerContext app(String... roles) {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").claim("oid", "sp").claim("tid", "t").claim("roles", List.of(roles))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
        return CallerContext.of(jwt, false);
    }

    private static boolean allowed(String method, String path, CallerContext caller) {
        AccessRules.Rule rule = RULES.match(method, path);
        return rule != null && rule.grants(caller);
    }

    @Test
    void readingMailNeedsMailReadOrMailReadWrite() {
        assertThat(allowed("GET", "/api/v1/mail/folders/inbox/messages", user("alice@contoso.example", "Mail.Read"))).isTrue();
        assertThat(allowed("GET", "/api/v1/mail/messages/AAk1", user("alice@contoso.example", "Mail.ReadWrite"))).isTrue();
        assertThat(allowed("GET", "/api/v1/mail/messages/AAk1", user("alice@contoso.example", "Calendars.Read Mail.Send"))).isFalse();
    }

    @Test
    void changingMailNeedsMailReadWriteAndReadIsNotEnough() {
        for (String method : List.of("PATCH", "DELETE", "PUT")) {
            assertThat(allowed(method, "/api/v1/mail/messages/AAk1", user("a@x", "Mail.ReadWrite"))).as(method).isTrue();
            assertThat(allowed(method, "/api/v1/mail/messages/AAk1", user("a@x", "Mail.Read"))).as(method).isFalse();
        }
        assertThat(allowed("POST", "/api/v1/mail/messages/AAk1/move", user("a@x", "Mail.ReadWrite"))).isTrue();
    }

    @Test
    void sendingNeedsMailSendWhateverElseTheTokenHas() {
        for (String path : List.of("/api/v1/mail/messages", "/api/v1/mail/messages/AAk1/reply", "/api/v1/mail/messages/AAk1/replyAll",
                "/api/v1/mail/messages/AAk1/forward", "/api/v1/mail/messages/AAk1/send")) {
            assertThat(allowed("POST", path, user("a@x", "Mail.Send"))).as(path).isTrue();
            assertThat(allowed("POST", path, user("a@x", "Mail.ReadWrite"))).as(path).isFalse();
            assertThat(RULES.match("POST", path).rateClass("POST")).isEqualTo("send");
        }
    }

    @Test
    void attachmentsFollowMail() {
        assertThat(allowed("GET", "/api/v1/mail/messages/AAk1/attachments/AAk2/content", user("a@x", "Mail.Read"))).isTrue();
        assertThat(allowed("POST", "/api/v1/mail/messages/AAk1/attachments", user("a@x", "Mail.Read"))).isFalse();
        assertThat(allowed("POST", "/api/v1/mail/messages/AAk1/attachments", user("a@x", "Mail.ReadWrite"))).isTrue();
    }

    @Test
    void calendarsAndContactsHaveTheirOwnScopes() {
        assertThat(allowed("GET", "/api/v1/calendar/events", user("a@x", "Calendars.Read"))).isTrue();
        assertThat(allowed("POST", "/api/v1/calendar/events", user("a@x", "Calendars.Read"))).isFalse();
        assertThat(allowed("POST", "/api/v1/calendar/events", user("a@x", "Calendars.ReadWrite"))).isTrue();
        assertThat(allowed("GET", "/api/v1/contacts", user("a@x", "Contacts.Read"))).isTrue();
        assertThat(allowed("GET", "/api/v1/contacts/AAk3", user("a@x", "Mail.ReadWrite"))).isFalse();
        assertThat(allowed("DELETE", "/api/v1/contacts/AAk3", user("a@x", "Contacts.ReadWrite"))).isTrue();
    }

    @Test
    void appOnlyTokensAreJudgedByTheirRolesNeverByScopes() {
        assertThat(allowed("GET", "/api/v1/mail/messages", app("Mail.Read.All"))).isTrue();
        assertThat(allowed("POST", "/api/v1/mail/messages", app("Mail.ReadWrite.All"))).isFalse();
        assertThat(allowed("POST", "/api/v1/mail/messages", app("Mail.Send.All"))).isTrue();
        assertThat(allowed("GET", "/api/v1/calendar/events", app("Mail.Read", "Calendars.Read"))).as("scope names as roles").isFalse();
    }

    @Test
    void thePublicDocumentsAndChangeNotificationsNeedNoToken() {
        for (String path : List.of("/api/v1", "/api/v1/openapi.json", "/api/v1/docs/index.html", "/api/v1/notifications/graph")) {
            assertThat(RULES.match("GET", path).access()).as(path).isEqualTo(IdentityProperties.Access.PUBLIC);
        }
        assertThat(RULES.match("POST", "/api/v1/notifications/graph").access()).isEqualTo(IdentityProperties.Access.PUBLIC);
    }

    @Test
    void anOperationNoRuleCoversIsDenied() {
        assertThat(RULES.match("GET", "/api/v1/events")).isNull();
        assertThat(RULES.match("GET", "/api/v2/mail/messages")).isNull();
        assertThat(RULES.match("DELETE", "/api/v1/me")).isNull();
    }

    @Test
    void aUserOpensTheirOwnMailboxAndTheSharedOnesTheyAreMembersOf() {
        CallerContext alice = user("Alice@Contoso.example", "Mail.Read");
        assertThat(SANDBOX_MAILBOXES.resolve(alice, null)).isEqualTo(new MailboxAccess.Target(true, "alice@contoso.example"));
        assertThat(SANDBOX_MAILBOXES.resolve(alice, "SALES@contoso.example")).isEqualTo(new MailboxAccess.Target(true, "sales@contoso.example"));
        assertThat(SANDBOX_MAILBOXES.resolve(alice, "bob@contoso.example").allowed()).isFalse();
        assertThat(SANDBOX_MAILBOXES.resolve(user("carol@contoso.example", "Mail.Read"), "sales@contoso.example").allowed()).isFalse();
        assertThat(SANDBOX_MAILBOXES.resolve(app("Mail.Read.All"), "carol@contoso.example").allowed()).isTrue();
    }

    @Test
    void theShippedBudgetsCoverEveryRateClassTheRulesName() throws IOException {
        RateLimitProperties limits = bind("hub.rate-limit", RateLimitProperties.class, 0);
        assertThat(limits.classes().keySet()).containsAll(Set.of("read", "write", "send"));
        assertThat(limits.classes()).extractingByKey("send").extracting(RateLimitProperties.Budget::capacity).isEqualTo(30L);
        assertThat(RULES.match("GET", "/api/v1/mail/x").rateClass("GET")).isEqualTo("read");
        assertThat(RULES.match("PATCH", "/api/v1/mail/x").rateClass("PATCH")).isEqualTo("write");
    }
}
