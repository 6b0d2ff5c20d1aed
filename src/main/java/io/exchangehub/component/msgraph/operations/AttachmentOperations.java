package io.exchangehub.component.msgraph.operations;

import com.microsoft.graph.core.models.UploadResult;
import com.microsoft.graph.core.tasks.LargeFileUploadTask;
import com.microsoft.graph.models.AttachmentCollectionResponse;
import com.microsoft.graph.models.AttachmentItem;
import com.microsoft.graph.models.AttachmentType;
import com.microsoft.graph.models.FileAttachment;
import com.microsoft.graph.models.UploadSession;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.kiota.HttpMethod;
import com.microsoft.kiota.RequestInformation;
import com.microsoft.kiota.serialization.Parsable;
import com.microsoft.kiota.serialization.ParsableFactory;
import com.microsoft.graph.users.item.messages.item.attachments.createuploadsession.CreateUploadSessionPostRequestBody;
import io.exchangehub.component.msgraph.MsGraphConstants;
import io.exchangehub.component.msgraph.MsGraphOperation;
import io.exchangehub.component.msgraph.mapping.AttachmentIds;
import io.exchangehub.component.msgraph.mapping.AttachmentMapper;
import io.exchangehub.model.Attachment;
import io.exchangehub.model.AttachmentUpload;
import io.exchangehub.model.BackendUnavailableException;
import io.exchangehub.model.InvalidRequestException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLConnection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * Attachments of messages: metadata (never their bytes), downloads streamed from {@code $value},
 * and uploads, in one request below the threshold (Graph takes at most 3 MB that way) and through
 * an upload session above it, read from the source chunk by chunk.
 */
public final class AttachmentOperations {

    public MsGraphResponse process(MsGraphOperation operation, MsGraphRequest request) {
        return switch (operation) {
            case listAttachments -> MsGraphResponse.of(list(request, request.required(MsGraphConstants.ITEM_ID)));
            case getAttachment -> MsGraphResponse.of(metadata(request, AttachmentIds.parse(request.required(MsGraphConstants.ATTACHMENT_ID))));
            case downloadAttachment -> download(request);
            case addAttachment -> MsGraphResponse.of(attach(request, request.required(MsGraphConstants.ITEM_ID),
                    request.body(AttachmentUpload.class)));
            case deleteAttachment -> {
                AttachmentIds.Parts parts = AttachmentIds.parse(request.required(MsGraphConstants.ATTACHMENT_ID));
                request.run(parts.attachmentId(), user -> user.messages().byMessageId(parts.messageId()).attachments()
                        .byAttachmentId(parts.attachmentId()).delete(request.call()::attach));
                yield MsGraphResponse.none();
            }
            default -> throw new IllegalArgumentException("Not an attachment operation: " + operation);
        };
    }

    private List<Attachment> list(MsGraphRequest request, String messageId) {
        AttachmentCollectionResponse page = request.graph(messageId, user -> user.messages().byMessageId(messageId).attachments()
                .get(c -> {
                    request.call().attach(c);
                    c.queryParameters.select = AttachmentMapper.SELECT;
                }));
        List<Attachment> result = new ArrayList<>();
        page.getValue().forEach(a -> result.add(AttachmentMapper.toModel(messageId, a)));
        return List.copyOf(result);
    }

    private Attachment metadata(MsGraphRequest request, AttachmentIds.Parts parts) {
        com.microsoft.graph.models.Attachment attachment = request.graph(parts.attachmentId(), user -> user.messages()
                .byMessageId(parts.messageId()).attachments().byAttachmentId(parts.attachmentId()).get(c -> {
                    request.call().attach(c);
                    c.queryParameters.select = AttachmentMapper.SELECT;
                }));
        return AttachmentMapper.toModel(parts.messageId(), attachment);
    }

    private MsGraphResponse download(MsGraphRequest request) {
        AttachmentIds.Parts parts = AttachmentIds.parse(request.required(MsGraphConstants.ATTACHMENT_ID));
        Attachment attachment = metadata(request, parts);
        InputStream content = request.client().stream(request.call(), parts.attachmentId(), graph -> {
            // the SDK has no request builder for an attachment's $value
            RequestInformation value = new RequestInformation();
            value.httpMethod = HttpMethod.GET;
            value.urlTemplate = "{+baseurl}/users/{user}/messages/{message}/attachments/{attachment}/$value";
            value.pathParameters.put("user", request.call().mailbox());
            value.pathParameters.put("message", parts.messageId());
            value.pathParameters.put("attachment", parts.attachmentId());
            value.addRequestOptions(List.of(request.call()));
            HashMap<String, ParsableFactory<? extends Parsable>> errors = new HashMap<>();
            errors.put("XXX", ODataError::createFromDiscriminatorValue);
            return graph.getRequestAdapter().sendPrimitive(value, errors, InputStream.class);
        });
        Map<String, Object> headers = new HashMap<>();
        headers.put(MsGraphConstants.CONTENT_TYPE, attachment.contentType() == null ? "application/octet-stream" : attachment.contentType());
        if (attachment.kind() == Attachment.Kind.FILE) {
            headers.put(MsGraphConstants.CONTENT_LENGTH, attachment.size());
        }
        if (attachment.name() != null) {
            headers.put(MsGraphConstants.FILE_NAME, attachment.name());
        }
        return new MsGraphResponse(content, headers);
    }

    /** Attaches a file to a message (or draft): in one request when small, else in an upload session. */
    Attachment attach(MsGraphRequest request, String messageId, AttachmentUpload upload) {
        if (upload.size() < request.configuration().getLargeAttachmentThreshold()) {
            FileAttachment file = small(upload, request.configuration().getLargeAttachmentThreshold());
            com.microsoft.graph.models.Attachment created = request.graph(messageId, user -> user.messages().byMessageId(messageId)
                    .attachments().post(file, request.call()::attach));
            return AttachmentMapper.toModel(messageId, created);
        }
        return large(request, messageId, upload);
    }

    /** The attachment with its bytes inline, read whole: only below the threshold, so at most 3 MB. */
    static FileAttachment small(AttachmentUpload upload, long threshold) {
        byte[] bytes;
        try (InputStream in = upload.content().open()) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, threshold));
            if (in.read() >= 0) {
                throw new InvalidRequestException("The attachment is larger than its declared size.", null, null);
            }
        } catch (IOException e) {
            throw new IllegalStateException("The attachment's content could not be read", e);
        }
        FileAttachment file = new FileAttachment();
        file.setOdataType("#microsoft.graph.fileAttachment");
        file.setName(upload.name());
        file.setContentType(contentType(upload));
        file.setContentBytes(bytes);
        file.setIsInline(upload.isInline());
        if (upload.contentId() != null) {
            file.setContentId(upload.contentId());
        }
        return file;
    }

    private Attachment large(MsGraphRequest request, String messageId, AttachmentUpload upload) {
        AttachmentItem item = new AttachmentItem();
        item.setAttachmentType(AttachmentType.File);
        item.setName(upload.name());
        item.setSize(upload.size());
        item.setContentType(contentType(upload));
        item.setIsInline(upload.isInline());
        if (upload.contentId() != null) {
            item.setContentId(upload.contentId());
        }
        CreateUploadSessionPostRequestBody body = new CreateUploadSessionPostRequestBody();
        body.setAttachmentItem(item);
        // one bulkhead slot for the whole upload: the chunks go to the same mailbox, one after another
        String attachmentId = request.graph(messageId, user -> {
            UploadSession session = user.messages().byMessageId(messageId).attachments().createUploadSession()
                    .post(body, request.call()::attach);
            try (InputStream in = upload.content().open()) {
                LargeFileUploadTask<AttachmentItem> task = new LargeFileUploadTask<>(request.client().adapter(), session, in,
                        upload.size(), request.configuration().getUploadChunkSize(), AttachmentItem::createFromDiscriminatorValue);
                // one try: a retry of the task reads on in a stream it cannot rewind
                UploadResult<AttachmentItem> result = task.upload(1, null);
                if (result.location == null) {
                    throw new BackendUnavailableException("Microsoft Graph did not say where the uploaded attachment is.", null,
                            messageId);
                }
                String path = result.location.getPath();
                return path.substring(path.lastIndexOf('/') + 1);
            } catch (IOException | ReflectiveOperationException e) {
                throw new IllegalStateException("The attachment's content could not be uploaded", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while uploading an attachment", e);
            } catch (CancellationException e) {
                throw new BackendUnavailableException("Microsoft Graph did not complete the upload.", null, messageId, e);
            }
        });
        return metadata(request, new AttachmentIds.Parts(messageId, attachmentId));
    }

    private static String contentType(AttachmentUpload upload) {
        if (upload.contentType() != null && !upload.contentType().isBlank()) {
            return upload.contentType();
        }
        String guessed = upload.name() == null ? null : URLConnection.guessContentTypeFromName(upload.name());
        return guessed != null ? guessed : "application/octet-stream";
    }
}
