package io.exchangehub.api.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exchangehub.api.ApiException;
import io.exchangehub.api.Problems;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class ApiContractTest {

    private static final ApiContract CONTRACT = new ApiContract();
    private static final DefaultCamelContext CAMEL = new DefaultCamelContext();

    @AfterAll
    static void close() throws Exception {
        CAMEL.close();
    }

    private static Exchange request(String method, String uri, String contentType, Object body) {
        Exchange exchange = new DefaultExchange(CAMEL);
        int query = uri.indexOf('?');
        exchange.getMessage().setHeader(Exchange.HTTP_METHOD, method);
        exchange.getMessage().setHeader(Exchange.HTTP_URI, query < 0 ? uri : uri.substring(0, query));
        if (query >= 0) {
            exchange.getMessage().setHeader(Exchange.HTTP_QUERY, uri.substring(query + 1));
        }
        if (contentType != null) {
            exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, contentType);
        }
        exchange.getMessage().setBody(body);
        return exchange;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, String>> errors(Exchange exchange) {
        try {
            CONTRACT.validate(exchange);
        } catch (ApiException e) {
            assertThat(e.kind()).isEqualTo(Problems.Kind.VALIDATION);
            return (List<Map<String, String>>) e.extensions().get("errors");
        }
        throw new AssertionError("the request was accepted");
    }

    @Test
    void aRequestThatKeepsTheContractPassesAndItsJsonBodyStaysReadable() {
        Exchange list = request("GET", "/api/v1/mail/folders/inbox/messages?top=50&unread=true&q=acme%20renewal", null, null);
        assertThatCode(() -> CONTRACT.validate(list)).doesNotThrowAnyException();

        Exchange create = request("POST", "/api/v1/contacts", "application/json; charset=utf-8",
                new ByteArrayInputStream("{\"displayName\": \"Ann Lee\"}".getBytes(StandardCharsets.UTF_8)));
        CONTRACT.validate(create);
        assertThat(create.getMessage().getBody()).isEqualTo("{\"displayName\": \"Ann Lee\"}");
    }

    @Test
    void outOfRangeAndMistypedParametersAreRefusedNamingTheParameter() {
        assertThat(errors(request("GET", "/api/v1/mail/folders/inbox/messages?top=500", null, null)))
                .extracting(error -> error.get("pointer")).containsExactly("/query/top");
        assertThat(errors(request("GET", "/api/v1/mail/folders/inbox/messages?top=0", null, null))).hasSize(1);
        assertThat(errors(request("GET", "/api/v1/mail/folders/inbox/messages?unread=perhaps", null, null)))
                .extracting(error -> error.get("pointer")).containsExactly("/query/unread");
        assertThat(errors(request("GET", "/api/v1/calendar/events", null, null)))
                .extracting(error -> error.get("pointer")).containsExactlyInAnyOrder("/query/start", "/query/end");
    }

    @Test
    void unknownFieldsWrongTypesAndMalformedIdsAreRefused() {
        assertThat(errors(request("POST", "/api/v1/contacts", "application/json", "{\"displayName\": \"x\", \"bogus\": 1}")))
                .isNotEmpty();
        assertThat(errors(request("PATCH", "/api/v1/mail/messages/AAMk-id_1", "application/json", "{\"isRead\": \"yes\"}")))
                .extracting(error -> error.get("pointer")).containsExactly("/body/isRead");
        assertThat(errors(request("GET", "/api/v1/mail/messages/not%20an%20id", null, null))).isNotEmpty();
        assertThat(errors(request("POST", "/api/v1/mail/messages/batch", "application/json",
                "{\"action\": \"explode\", \"ids\": [\"a\"]}"))).isNotEmpty();
        assertThat(errors(request("POST", "/api/v1/contacts", "application/json", "{not json"))).isNotEmpty();
    }

    @Test
    void aLongOffendingValueIsNotQuotedBackWhole() {
        String subject = "x".repeat(10_000);
        List<Map<String, String>> errors = errors(request("POST", "/api/v1/mail/messages", "application/json",
                "{\"subject\": \"" + subject + "\"}"));
        assertThat(errors).allSatisfy(error -> assertThat(error.get("detail")).hasSizeLessThanOrEqualTo(ApiContract.MAX_DETAIL));
    }

    @Test
    void aBinaryUploadIsNotReadToBeChecked() {
        ByteArrayInputStream upload = new ByteArrayInputStream(new byte[] {1, 2, 3});
        Exchange exchange = request("POST", "/api/v1/mail/messages/AAMk/attachments?name=a.bin", "application/octet-stream", upload);
        CONTRACT.validate(exchange);
        assertThat(exchange.getMessage().getBody()).isSameAs(upload);
        assertThat(upload.available()).isEqualTo(3);
    }

    @Test
    void aJsonOnlyOperationRefusesAnotherMediaTypeAsUnsupported() {
        assertThatThrownBy(() -> CONTRACT.validate(request("POST", "/api/v1/contacts", "text/plain", "displayName=x")))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.kind()).isEqualTo(Problems.Kind.UNSUPPORTED_MEDIA_TYPE));
    }

    @Test
    void aBrokenQueryStringIsAValidationProblem() {
        assertThatThrownBy(() -> CONTRACT.validate(request("GET", "/api/v1/contacts?q=%zz", null, null)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.kind()).isEqualTo(Problems.Kind.VALIDATION));
    }
}
