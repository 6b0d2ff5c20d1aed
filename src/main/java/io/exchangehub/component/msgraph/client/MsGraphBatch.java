package io.exchangehub.component.msgraph.client;

import com.microsoft.graph.core.content.BatchRequestContent;
import com.microsoft.graph.core.content.BatchResponseContent;
import com.microsoft.graph.core.models.BatchRequestStep;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.kiota.HttpMethod;
import com.microsoft.kiota.NativeResponseHandler;
import com.microsoft.kiota.RequestInformation;
import com.microsoft.kiota.serialization.Parsable;
import com.microsoft.kiota.serialization.ParsableFactory;
import com.microsoft.kiota.serialization.ParseNode;
import com.microsoft.kiota.serialization.ParseNodeFactoryRegistry;
import io.exchangehub.model.MailboxException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * JSON {@code $batch}: up to {@value #MAX_STEPS} requests in one round trip, built and read with
 * the SDK's {@link BatchRequestContent} and {@link BatchResponseContent}. Steps answered 429 or
 * 503 are sent again in a batch of their own after the longest {@code Retry-After} among them,
 * when they are repeatable (the same rule as {@link MsGraphRetryPolicy}); the rest keep their
 * answer.
 */
public final class MsGraphBatch {

    /** Graph's limit of requests per {@code $batch}. */
    public static final int MAX_STEPS = 20;

    private final MsGraphClient client;
    private final int maxRetries;
    private final Duration maxRetryAfter;

    public MsGraphBatch(MsGraphClient client, int maxRetries, Duration maxRetryAfter) {
        this.client = client;
        this.maxRetries = maxRetries;
        this.maxRetryAfter = maxRetryAfter;
    }

    /**
     * One step of a batch.
     *
     * @param id      its id within the batch
     * @param request the SDK request (from a request builder's {@code toXxxRequestInformation})
     */
    public record Step(String id, RequestInformation request) {}

    /**
     * The answer to one step.
     *
     * @param id         the step's id
     * @param status     its HTTP status
     * @param code       Graph's error code when it failed, else null
     * @param retryAfter the {@code Retry-After} it carried, or null
     * @param body       its body, or null
     */
    public record Answer(String id, int status, String code, Duration retryAfter, byte[] body) {

        public boolean succeeded() {
            return status / 100 == 2;
        }

        /** The body as an SDK object. */
        public <T extends Parsable> T as(ParsableFactory<T> factory) {
            if (body == null || body.length == 0) {
                return null;
            }
            ParseNode node = ParseNodeFactoryRegistry.defaultInstance.getParseNode("application/json",
                    new java.io.ByteArrayInputStream(body));
            return node.getObjectValue(factory);
        }

        /** The hub's exception for a failed step. */
        public MailboxException error(String itemId) {
            return MsGraphErrors.map(status, code, retryAfter, itemId, null);
        }
    }

    /**
     * Sends up to {@value #MAX_STEPS} steps in one {@code $batch} (more round trips only for
     * throttled steps) and answers each by id, in the order given.
     */
    public List<Answer> send(MsGraphCall call, List<Step> steps) {
        if (steps.size() > MAX_STEPS) {
            throw new IllegalArgumentException("A $batch holds at most " + MAX_STEPS + " requests");
        }
        Map<String, Step> byId = new LinkedHashMap<>();
        steps.forEach(step -> byId.put(step.id(), step));
        Map<String, Answer> answers = new LinkedHashMap<>();
        List<Step> pending = steps;
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            List<Step> sending = pending;
            List<Answer> round = client.call(call, null, graph -> post(call, sending));
            List<Step> again = new ArrayList<>();
            Duration wait = Duration.ZERO;
            for (Answer answer : round) {
                Step step = byId.get(answer.id());
                boolean throttled = answer.status() == 429 || answer.status() == 503;
                boolean repeatable = MsGraphRetryPolicy.REPEATABLE.contains(step.request().httpMethod.toString().toUpperCase(Locale.ROOT));
                Duration retryAfter = answer.retryAfter() == null ? MsGraphErrors.DEFAULT_RETRY_AFTER : answer.retryAfter();
                if (throttled && repeatable && attempt < maxRetries && retryAfter.compareTo(maxRetryAfter) <= 0) {
                    again.add(step);
                    wait = wait.compareTo(retryAfter) >= 0 ? wait : retryAfter;
                } else {
                    answers.put(answer.id(), answer);
                }
            }
            if (!again.isEmpty()) {
                sleep(wait);
            }
            pending = again;
        }
        List<Answer> ordered = new ArrayList<>();
        for (Step step : steps) {
            Answer answer = answers.get(step.id());
            ordered.add(answer != null ? answer : new Answer(step.id(), 500, "MissingBatchResponse", null, null));
        }
        return ordered;
    }

    private List<Answer> post(MsGraphCall call, List<Step> steps) {
        // steps are added one by one: the SDK's list constructor refuses a full batch of 20
        BatchRequestContent content = new BatchRequestContent(client.adapter(), List.of());
        for (Step step : steps) {
            RequestInformation info = step.request();
            if (info.content == null && info.httpMethod != HttpMethod.GET && info.httpMethod != HttpMethod.DELETE) {
                // an action without a body (permanentDelete): the SDK cannot write a body-less POST into a batch
                info.content = new java.io.ByteArrayInputStream("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                info.headers.tryAdd("Content-Type", "application/json");
            }
            Request request = client.adapter().convertToNativeRequest(info);
            content.addBatchRequestStep(new BatchRequestStep(step.id(), request));
        }
        try {
            RequestInformation info = client.graph().getBatchRequestBuilder().toPostRequestInformation(content);
            info.addRequestOptions(List.of(call));
            NativeResponseHandler handler = new NativeResponseHandler();
            info.setResponseHandler(handler);
            client.adapter().sendPrimitive(info, null, InputStream.class);
            try (Response response = (Response) handler.getValue()) {
                if (!response.isSuccessful()) {
                    throw MsGraphErrors.map(response.code(), errorCode(response.body()),
                            RetryAfter.parse(response.header("Retry-After")), null, null);
                }
                Map<String, Response> parts = new BatchResponseContent(response).getResponses();
                List<Answer> answers = new ArrayList<>();
                parts.forEach((id, part) -> answers.add(answer(id, part)));
                return answers;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A part of a batch answer; it is held in memory, so there is nothing to close. */
    private static Answer answer(String id, Response part) {
        try {
            byte[] body = part.body() == null ? null : part.body().bytes();
            String code = null;
            if (part.code() / 100 != 2 && body != null && body.length > 0) {
                code = codeOf(body);
            }
            return new Answer(id, part.code(), code, RetryAfter.parse(part.header("Retry-After")), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String errorCode(ResponseBody body) throws IOException {
        return body == null ? null : codeOf(body.bytes());
    }

    private static String codeOf(byte[] body) {
        try {
            ParseNode node = ParseNodeFactoryRegistry.defaultInstance.getParseNode("application/json",
                    new java.io.ByteArrayInputStream(body));
            ODataError error = node.getObjectValue(ODataError::createFromDiscriminatorValue);
            return error.getError() == null ? null : error.getError().getCode();
        } catch (RuntimeException e) {
            // a body that is not Graph's error shape has no code to tell
            return null;
        }
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting out Graph's Retry-After", e);
        }
    }
}
