package io.exchangehub.sandbox.ews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exchangehub.sandbox.store.Message;
import io.exchangehub.sandbox.store.WellKnownFolder;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.PropertySet;
import microsoft.exchange.webservices.data.core.enumeration.misc.error.ServiceError;
import microsoft.exchange.webservices.data.core.enumeration.property.BasePropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.BodyType;
import microsoft.exchange.webservices.data.core.enumeration.property.Importance;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.core.enumeration.service.ConflictResolutionMode;
import microsoft.exchange.webservices.data.core.enumeration.service.DeleteMode;
import microsoft.exchange.webservices.data.core.exception.service.remote.ServiceResponseException;
import microsoft.exchange.webservices.data.core.response.GetItemResponse;
import microsoft.exchange.webservices.data.core.service.item.EmailMessage;
import microsoft.exchange.webservices.data.core.service.item.Item;
import microsoft.exchange.webservices.data.core.service.schema.ItemSchema;
import microsoft.exchange.webservices.data.property.complex.FileAttachment;
import microsoft.exchange.webservices.data.property.complex.ItemId;
import microsoft.exchange.webservices.data.property.complex.MessageBody;
import microsoft.exchange.webservices.data.search.FindItemsResults;
import microsoft.exchange.webservices.data.search.ItemView;
import microsoft.exchange.webservices.data.search.filter.SearchFilter;
import org.junit.jupiter.api.Test;

class MessageIT extends EwsTestSupport {

    @Test
    void getItemAnswersEachShapeAndBodyType() throws Exception {
        ExchangeService service = ews(ALICE);
        ItemId id = boardPackId(service);

        EmailMessage idOnly = EmailMessage.bind(service, id, new PropertySet(BasePropertySet.IdOnly));
        assertThat(idOnly.getId().getUniqueId()).isEqualTo(id.getUniqueId());

        PropertySet text = new PropertySet(BasePropertySet.FirstClassProperties);
        text.setRequestedBodyType(BodyType.Text);
        EmailMessage full = EmailMessage.bind(service, id, text);
        assertThat(full.getSubject()).isEqualTo("Board pack for Q3 (25 MB)");
        assertThat(full.getBody().getBodyType()).isEqualTo(BodyType.Text);
        assertThat(full.getBody().toString()).contains("the full board pack for Q3 is attached");
        assertThat(full.getAttachments().getItems()).hasSize(1);
        assertThat(full.getAttachments().getItems().get(0).getName()).isEqualTo("Board-pack-Q3.pdf");
        assertThat(full.getToRecipients().getItems().get(0).getAddress()).isEqualTo(ALICE);
        assertThat(full.getIsRead()).isFalse();
        assertThat(full.getHasAttachments()).isTrue();

        PropertySet html = new PropertySet(BasePropertySet.IdOnly, ItemSchema.Body, ItemSchema.UniqueBody);
        html.setRequestedBodyType(BodyType.HTML);
        EmailMessage asHtml = EmailMessage.bind(service, id, html);
        assertThat(asHtml.getBody().getBodyType()).isEqualTo(BodyType.HTML);
        assertThat(asHtml.getBody().toString()).startsWith("<html>").contains("board pack for Q3");
        assertThat(asHtml.getUniqueBody().toString()).contains("board pack for Q3");
    }

    @Test
    void getItemWithDefaultShapeAndTextBodyOfExchange2013() {
        String id = store.read(() -> boardPack().id);
        HttpResponse<String> defaults = soap(ALICE, "<m:GetItem><m:ItemShape><t:BaseShape>Default</t:BaseShape></m:ItemShape>"
                + "<m:ItemIds><t:ItemId Id=\"" + id + "\"/></m:ItemIds></m:GetItem>");
        assertThat(defaults.body()).contains("<t:Subject>Board pack for Q3 (25 MB)</t:Subject>", "<t:IsRead>false</t:IsRead>")
                .doesNotContain("<t:DateTimeCreated>", "<t:Preview>");
        HttpResponse<String> textBody = soap(ALICE, "Exchange2013", "<m:GetItem><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape>"
                + "<t:AdditionalProperties><t:FieldURI FieldURI=\"item:TextBody\"/><t:FieldURI FieldURI=\"item:Preview\"/>"
                + "</t:AdditionalProperties></m:ItemShape><m:ItemIds><t:ItemId Id=\"" + id + "\"/></m:ItemIds></m:GetItem>");
        assertThat(textBody.body()).contains("<t:TextBody BodyType=\"Text\" IsTruncated=\"false\">Hi,", "<t:Preview>Hi, the full");
    }

    /**
     * What the hub's list views read for a page in one GetItem at the Exchange 2013 level: recipient
     * lists, flag and preview of several messages, each in its own response message, in order, and
     * in schema order within the item (Flag and Preview of ItemType before MessageType's recipients).
     */
    @Test
    void getItemOfSeveralMessagesAtExchange2013GivesRecipientsFlagAndPreviewOfEach() {
        List<Message> messages = store.read(() -> folder(ALICE, WellKnownFolder.INBOX).items().stream()
                .filter(Message.class::isInstance).map(Message.class::cast).filter(m -> !m.cc.isEmpty()).limit(3).toList());
        assertThat(messages).hasSize(3);
        String board = store.read(() -> boardPack().id);
        StringBuilder ids = new StringBuilder("<t:ItemId Id=\"" + board + "\"/>");
        messages.forEach(m -> ids.append("<t:ItemId Id=\"").append(m.id).append("\"/>"));
        HttpResponse<String> answer = soap(ALICE, "Exchange2013", "<m:GetItem><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape>"
                + "<t:AdditionalProperties><t:FieldURI FieldURI=\"message:ToRecipients\"/>"
                + "<t:FieldURI FieldURI=\"message:CcRecipients\"/><t:FieldURI FieldURI=\"item:Flag\"/>"
                + "<t:FieldURI FieldURI=\"item:Preview\"/></t:AdditionalProperties></m:ItemShape><m:ItemIds>" + ids
                + "</m:ItemIds></m:GetItem>");
        String body = answer.body();
        assertThat(body.split("<m:GetItemResponseMessage ResponseClass=\"Success\">", -1)).hasSize(5);
        assertThat(body).contains("<t:Flag><t:FlagStatus>NotFlagged</t:FlagStatus></t:Flag><t:Preview>Hi, the full board pack",
                "<t:ToRecipients><t:Mailbox><t:Name>Alice Wong</t:Name><t:EmailAddress>" + ALICE + "</t:EmailAddress>");
        assertThat(body.indexOf("<t:ItemId Id=\"" + board)).isLessThan(body.indexOf("<t:ItemId Id=\"" + messages.get(0).id));
        assertThat(body.split("<t:CcRecipients>", -1)).hasSize(4);
        assertThat(body).doesNotContain("<t:Subject>", "<t:Body");

        HttpResponse<String> older = soap(ALICE, "<m:GetItem><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape>"
                + "<t:AdditionalProperties><t:FieldURI FieldURI=\"message:ToRecipients\"/></t:AdditionalProperties></m:ItemShape>"
                + "<m:ItemIds><t:ItemId Id=\"" + board + "\"/></m:ItemIds></m:GetItem>");
        assertThat(older.body()).contains("<t:ToRecipients>").doesNotContain("<t:Flag>", "<t:Preview>");
    }

    @Test
    void getItemWithMimeContentGivesRfc822WithTheAttachments() throws Exception {
        ExchangeService service = ews(ALICE);
        ItemId id = new ItemId(store.read(() -> {
            for (var item : folder(ALICE, WellKnownFolder.INBOX).items()) {
                if (item.subject.equals("Documents for the audit")) {
                    return item.id;
                }
            }
            throw new AssertionError("seeded message missing");
        }));
        EmailMessage message = EmailMessage.bind(service, id, new PropertySet(BasePropertySet.IdOnly, ItemSchema.MimeContent));
        MimeMessage mime = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(message.getMimeContent().getContent()));
        assertThat(mime.getSubject()).isEqualTo("Documents for the audit");
        Multipart parts = (Multipart) mime.getContent();
        assertThat(parts.getCount()).isEqualTo(5);
        assertThat(parts.getBodyPart(4).getFileName()).isEqualTo("Scans.pdf");
        assertThat(parts.getBodyPart(4).getInputStream().readAllBytes()).hasSize(5 * 1024 * 1024);
    }

    @Test
    void draftIsSavedUpdatedAndSentToBob() throws Exception {
        ExchangeService alice = ews(ALICE);
        String subject = "Quarterly numbers " + UUID.randomUUID();
        EmailMessage draft = new EmailMessage(alice);
        draft.setSubject(subject);
        draft.setBody(MessageBody.getMessageBodyFromText("First draft"));
        draft.save(WellKnownFolderName.Drafts);
        ItemId draftId = draft.getId();

        EmailMessage loaded = EmailMessage.bind(alice, draftId);
        assertThat(loaded.getIsDraft()).isTrue();
        loaded.setSubject(subject + " (final)");
        loaded.setImportance(Importance.High);
        loaded.getToRecipients().add(BOB);
        loaded.getCategories().add("Finance");
        loaded.setBody(new MessageBody(BodyType.HTML, "<html><body><p>Final numbers</p></body></html>"));
        loaded.update(ConflictResolutionMode.AutoResolve);

        EmailMessage updated = EmailMessage.bind(alice, loaded.getId());
        assertThat(updated.getSubject()).endsWith("(final)");
        assertThat(updated.getImportance()).isEqualTo(Importance.High);
        assertThat(updated.getCategories().getSize()).isEqualTo(1);
        assertThat(updated.getToRecipients().getItems()).extracting(a -> a.getAddress()).containsExactly(BOB);

        updated.sendAndSaveCopy();
        Message received = bobsInboxMessage(subject + " (final)");
        assertThat(received.read).isFalse();
        assertThat(received.importance).isEqualTo(io.exchangehub.sandbox.store.Importance.HIGH);
        assertThat(received.body().content()).contains("Final numbers");
        assertThat(store.read(() -> folder(ALICE, WellKnownFolder.SENT_ITEMS).items().stream()
                .anyMatch(i -> i.subject.equals(subject + " (final)")))).isTrue();
    }

    @Test
    void messageWithAttachmentIsSentFromAliceToBob() throws Exception {
        ExchangeService alice = ews(ALICE);
        String subject = "Contract " + UUID.randomUUID();
        byte[] contract = new byte[300_000];
        new java.util.Random(7).nextBytes(contract);
        EmailMessage message = new EmailMessage(alice);
        message.setSubject(subject);
        message.setBody(MessageBody.getMessageBodyFromText("Please sign the attached contract."));
        message.getToRecipients().add(BOB);
        message.getAttachments().addFileAttachment("contract.pdf", contract);
        message.sendAndSaveCopy();

        Message received = bobsInboxMessage(subject);
        ExchangeService bob = ews(BOB);
        EmailMessage atBob = EmailMessage.bind(bob, new ItemId(received.id));
        assertThat(atBob.getHasAttachments()).isTrue();
        FileAttachment attachment = (FileAttachment) atBob.getAttachments().getItems().get(0);
        attachment.load();
        assertThat(attachment.getName()).isEqualTo("contract.pdf");
        assertThat(attachment.getContentType()).isEqualTo("application/pdf");
        assertThat(attachment.getContent()).isEqualTo(contract);
    }

    @Test
    void replyAndForwardReachTheirRecipients() throws Exception {
        ExchangeService alice = ews(ALICE);
        String subject = "Lunch " + UUID.randomUUID();
        EmailMessage question = new EmailMessage(alice);
        question.setSubject(subject);
        question.setBody(MessageBody.getMessageBodyFromText("Lunch on Friday?"));
        question.getToRecipients().add(BOB);
        question.send();

        ExchangeService bob = ews(BOB);
        EmailMessage atBob = EmailMessage.bind(bob, new ItemId(bobsInboxMessage(subject).id));
        atBob.reply(MessageBody.getMessageBodyFromText("Yes, 12:30 works."), false);
        Message reply = store.read(() -> folder(ALICE, WellKnownFolder.INBOX).items().stream()
                .filter(i -> i.subject.equals("RE: " + subject)).map(Message.class::cast).findFirst().orElseThrow());
        assertThat(reply.body().asText()).startsWith("Yes, 12:30 works.").contains("Lunch on Friday?");
        assertThat(reply.from.address()).isEqualTo(BOB);

        atBob.forward(MessageBody.getMessageBodyFromText("FYI"), new microsoft.exchange.webservices.data.property.complex
                .EmailAddress(SALES));
        assertThat(store.read(() -> folder(SALES, WellKnownFolder.INBOX).items().stream()
                .anyMatch(i -> i.subject.equals("FW: " + subject)))).isTrue();

        String team = "Team lunch " + UUID.randomUUID();
        EmailMessage invitation = new EmailMessage(alice);
        invitation.setSubject(team);
        invitation.getToRecipients().add(BOB);
        invitation.getCcRecipients().add(SALES);
        invitation.send();
        EmailMessage.bind(bob, new ItemId(bobsInboxMessage(team).id)).reply(MessageBody.getMessageBodyFromText("Count me in"), true);
        Message replyAll = store.read(() -> folder(SALES, WellKnownFolder.INBOX).items().stream()
                .filter(i -> i.subject.equals("RE: " + team)).map(Message.class::cast).findFirst().orElseThrow());
        assertThat(replyAll.to).extracting(r -> r.address()).containsExactly(ALICE);
        assertThat(replyAll.cc).extracting(r -> r.address()).containsExactly(SALES);
    }

    @Test
    void messageIsCreatedFromMimeContent() throws Exception {
        String mime = "From: Dana <dana@fabrikam.example>\r\nTo: Alice Wong <alice@contoso.example>\r\n"
                + "Subject: Imported from MIME\r\nDate: Mon, 2 Mar 2026 09:00:00 +0000\r\nMessage-ID: <mime-import-1@fabrikam.example>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\nHello from MIME\r\n--b1\r\n"
                + "Content-Type: text/plain; name=\"notes.txt\"\r\nContent-Disposition: attachment; filename=\"notes.txt\"\r\n\r\n"
                + "attached notes\r\n--b1--\r\n";
        ExchangeService alice = ews(ALICE);
        EmailMessage message = new EmailMessage(alice);
        message.setMimeContent(new microsoft.exchange.webservices.data.property.complex.MimeContent("UTF-8",
                mime.getBytes(StandardCharsets.UTF_8)));
        message.save(WellKnownFolderName.Inbox);

        EmailMessage loaded = EmailMessage.bind(alice, message.getId());
        assertThat(loaded.getSubject()).isEqualTo("Imported from MIME");
        assertThat(loaded.getFrom().getAddress()).isEqualTo("dana@fabrikam.example");
        assertThat(loaded.getInternetMessageId()).isEqualTo("<mime-import-1@fabrikam.example>");
        assertThat(loaded.getAttachments().getItems()).extracting(a -> a.getName()).containsExactly("notes.txt");
        assertThat(loaded.getIsDraft()).isFalse();
    }

    @Test
    void aLargeMimeAttachmentOutlivesTheRequestThatBroughtIt() throws Exception {
        byte[] scan = new byte[3 * 1024 * 1024 / 2];
        new java.util.Random(11).nextBytes(scan);
        String mime = "From: Dana <dana@fabrikam.example>\r\nTo: Alice Wong <alice@contoso.example>\r\nSubject: Scan "
                + UUID.randomUUID() + "\r\nDate: Mon, 2 Mar 2026 09:00:00 +0000\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/plain\r\n\r\nThe scan\r\n"
                + "--b1\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"scan.bin\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + java.util.Base64.getMimeEncoder().encodeToString(scan)
                + "\r\n--b1--\r\n";
        String id = savedFromMime(mime);
        io.exchangehub.sandbox.store.Content stored = store.read(() -> ((io.exchangehub.sandbox.store.FileAttachment)
                store.item(id).attachments.get(0)).content);
        assertThat(stored).isInstanceOf(io.exchangehub.sandbox.store.FileContent.class);
        try (java.io.InputStream in = stored.open()) {
            assertThat(in.readAllBytes()).isEqualTo(scan);
        }
        store.write(() -> store.delete(store.item(id), io.exchangehub.sandbox.store.DeleteMode.HARD));
    }

    @Test
    void mimeAttachmentsWithoutUsableNamesAreNamedRatherThanRefusedHalfWay() {
        String longSubject = "Minutes " + "x".repeat(300);
        String mime = "From: Dana <dana@fabrikam.example>\r\nTo: Alice Wong <alice@contoso.example>\r\nSubject: Names "
                + UUID.randomUUID() + "\r\nDate: Mon, 2 Mar 2026 09:00:00 +0000\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/plain\r\n\r\nTwo files\r\n"
                + "--b1\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=\"\"\r\n\r\nunnamed\r\n"
                + "--b1\r\nContent-Type: message/rfc822\r\n\r\nFrom: dana@fabrikam.example\r\nSubject: " + longSubject + "\r\n"
                + "Content-Type: text/plain\r\n\r\nthe minutes\r\n--b1--\r\n";
        String id = savedFromMime(mime);
        assertThat(store.read(() -> store.item(id).attachments.stream().map(a -> a.name).toList()))
                .containsExactly("attachment", longSubject.substring(0, 255));
        store.write(() -> store.delete(store.item(id), io.exchangehub.sandbox.store.DeleteMode.HARD));
    }

    @Test
    void readFlagCategoriesAndRecipientsAreUpdatedByField() throws Exception {
        ExchangeService alice = ews(ALICE);
        EmailMessage draft = new EmailMessage(alice);
        draft.setSubject("Fields " + UUID.randomUUID());
        draft.getToRecipients().add(BOB);
        draft.save(WellKnownFolderName.Drafts);
        String id = draft.getId().getUniqueId();

        HttpResponse<String> append = soap(ALICE, "<m:UpdateItem ConflictResolution=\"AlwaysOverwrite\" "
                + "MessageDisposition=\"SaveOnly\"><m:ItemChanges><t:ItemChange><t:ItemId Id=\"" + id + "\"/><t:Updates>"
                + "<t:AppendToItemField><t:FieldURI FieldURI=\"message:ToRecipients\"/><t:Message><t:ToRecipients><t:Mailbox>"
                + "<t:EmailAddress>" + SALES + "</t:EmailAddress></t:Mailbox></t:ToRecipients></t:Message></t:AppendToItemField>"
                + "<t:SetItemField><t:FieldURI FieldURI=\"item:Categories\"/><t:Message><t:Categories><t:String>Red</t:String>"
                + "<t:String>Blue</t:String></t:Categories></t:Message></t:SetItemField>"
                + "<t:SetItemField><t:FieldURI FieldURI=\"message:IsRead\"/><t:Message><t:IsRead>false</t:IsRead></t:Message>"
                + "</t:SetItemField></t:Updates></t:ItemChange></m:ItemChanges></m:UpdateItem>");
        assertThat(append.body()).contains("ResponseClass=\"Success\"", "<t:Count>0</t:Count>");
        Message stored = store.read(() -> (Message) store.item(id));
        assertThat(stored.to).extracting(r -> r.address()).containsExactly(BOB, SALES);
        assertThat(stored.categories).containsExactly("Red", "Blue");
        assertThat(stored.read).isFalse();

        HttpResponse<String> flagAndDelete = soap(ALICE, "Exchange2013", "<m:UpdateItem ConflictResolution=\"AlwaysOverwrite\" "
                + "MessageDisposition=\"SaveOnly\"><m:ItemChanges><t:ItemChange><t:ItemId Id=\"" + id + "\"/><t:Updates>"
                + "<t:SetItemField><t:FieldURI FieldURI=\"item:Flag\"/><t:Message><t:Flag><t:FlagStatus>Flagged</t:FlagStatus>"
                + "</t:Flag></t:Message></t:SetItemField><t:DeleteItemField><t:FieldURI FieldURI=\"item:Categories\"/>"
                + "</t:DeleteItemField></t:Updates></t:ItemChange></m:ItemChanges></m:UpdateItem>");
        assertThat(flagAndDelete.body()).contains("ResponseClass=\"Success\"");
        stored = store.read(() -> (Message) store.item(id));
        assertThat(stored.flag.status()).isEqualTo(io.exchangehub.sandbox.store.Flag.Status.FLAGGED);
        assertThat(stored.categories).isEmpty();

        HttpResponse<String> flagged = soap(ALICE, "Exchange2013", "<m:GetItem><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape>"
                + "<t:AdditionalProperties><t:FieldURI FieldURI=\"item:Flag\"/></t:AdditionalProperties></m:ItemShape>"
                + "<m:ItemIds><t:ItemId Id=\"" + id + "\"/></m:ItemIds></m:GetItem>");
        assertThat(flagged.body()).contains("<t:Flag><t:FlagStatus>Flagged</t:FlagStatus></t:Flag>");
    }

    @Test
    void staleChangeKeyIsAnIrresolvableConflictUnlessOverwriting() throws Exception {
        ExchangeService alice = ews(ALICE);
        EmailMessage draft = new EmailMessage(alice);
        draft.setSubject("Conflict " + UUID.randomUUID());
        draft.save(WellKnownFolderName.Drafts);
        EmailMessage first = EmailMessage.bind(alice, draft.getId());
        EmailMessage second = EmailMessage.bind(alice, draft.getId());
        first.setSubject("changed by the first client");
        first.update(ConflictResolutionMode.AutoResolve);

        second.setSubject("changed by the second client");
        assertThatThrownBy(() -> second.update(ConflictResolutionMode.NeverOverwrite))
                .isInstanceOfSatisfying(ServiceResponseException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(ServiceError.ErrorIrresolvableConflict));
        assertThatThrownBy(() -> second.update(ConflictResolutionMode.AutoResolve))
                .isInstanceOfSatisfying(ServiceResponseException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(ServiceError.ErrorIrresolvableConflict));
        String id = draft.getId().getUniqueId();
        assertThat(store.read(() -> store.item(id).subject)).isEqualTo("changed by the first client");

        second.update(ConflictResolutionMode.AlwaysOverwrite);
        assertThat(store.read(() -> store.item(id).subject)).isEqualTo("changed by the second client");
    }

    @Test
    void itemsAreMovedCopiedAndDeletedWithNewIds() throws Exception {
        ExchangeService alice = ews(ALICE);
        EmailMessage draft = new EmailMessage(alice);
        String subject = "Move me " + UUID.randomUUID();
        draft.setSubject(subject);
        draft.save(WellKnownFolderName.Drafts);

        Item copy = draft.copy(WellKnownFolderName.Inbox);
        assertThat(copy.getId().getUniqueId()).isNotEqualTo(draft.getId().getUniqueId());
        Item moved = draft.move(WellKnownFolderName.JunkEmail);
        assertThat(moved.getId().getUniqueId()).isNotEqualTo(draft.getId().getUniqueId());
        String movedId = moved.getId().getUniqueId();
        assertThat(store.read(() -> store.item(movedId).folder.wellKnown)).isEqualTo(WellKnownFolder.JUNK_EMAIL);

        copy.delete(DeleteMode.MoveToDeletedItems);
        assertThat(countIn(ALICE, WellKnownFolder.DELETED_ITEMS, subject)).isEqualTo(1);
        moved.delete(DeleteMode.HardDelete);
        assertThat(countIn(ALICE, WellKnownFolder.JUNK_EMAIL, subject)).isZero();
        assertThatThrownBy(() -> EmailMessage.bind(alice, moved.getId()))
                .isInstanceOfSatisfying(ServiceResponseException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(ServiceError.ErrorItemNotFound));
    }

    @Test
    void batchGetItemAnswersEachIdInOrder() throws Exception {
        ExchangeService alice = ews(ALICE);
        ItemId good = boardPackId(alice);
        String gone = store.read(() -> new io.exchangehub.sandbox.store.StoreId(io.exchangehub.sandbox.store.IdKind.ITEM,
                mailbox(ALICE).ordinal, 999_999_999L, 0).encode());
        var responses = alice.bindToItems(List.of(good, new ItemId("AAAA-not-an-id"), new ItemId(gone)),
                new PropertySet(BasePropertySet.IdOnly, ItemSchema.Subject));
        List<ServiceError> codes = new java.util.ArrayList<>();
        for (GetItemResponse response : responses) {
            codes.add(response.getErrorCode());
        }
        assertThat(codes).containsExactly(ServiceError.NoError, ServiceError.ErrorInvalidIdMalformed, ServiceError.ErrorItemNotFound);
        assertThat(responses.getResponseAtIndex(0).getItem().getSubject()).isEqualTo("Board pack for Q3 (25 MB)");
    }

    @Test
    void refusedCreatesAndSendsLeaveTheStoreUnchanged() {
        String draft = store.write(() -> store.createMessage(folder(ALICE, WellKnownFolder.DRAFTS), m -> {
            m.subject = "Unsent " + UUID.randomUUID();
            m.to.add(mailbox(BOB).recipient());
        }).id);
        String draftSubject = store.read(() -> store.item(draft).subject);
        long before = store.read(() -> mailbox(ALICE).currentSeq());
        HttpResponse<String> unnamed = soap(ALICE, "<m:CreateItem MessageDisposition=\"SaveOnly\"><m:Items><t:Message>"
                + "<t:Subject>With a nameless file</t:Subject><t:Attachments><t:FileAttachment><t:Content>SGk=</t:Content>"
                + "</t:FileAttachment></t:Attachments></t:Message></m:Items></m:CreateItem>");
        assertThat(unnamed.body()).contains("<m:ResponseCode>ErrorRequiredPropertyMissing</m:ResponseCode>", "<m:Items/>");
        HttpResponse<String> nobody = soap(ALICE, "<m:CreateItem MessageDisposition=\"SendAndSaveCopy\"><m:Items><t:Message>"
                + "<t:Subject>To nobody</t:Subject></t:Message></m:Items></m:CreateItem>");
        assertThat(nobody.body()).contains("<m:ResponseCode>ErrorInvalidRecipients</m:ResponseCode>");
        String received = store.read(() -> boardPack().id);
        HttpResponse<String> resend = soap(ALICE, "<m:UpdateItem ConflictResolution=\"AlwaysOverwrite\" "
                + "MessageDisposition=\"SendAndSaveCopy\"><m:ItemChanges><t:ItemChange><t:ItemId Id=\"" + received + "\"/>"
                + "<t:Updates><t:SetItemField><t:FieldURI FieldURI=\"item:Subject\"/><t:Message><t:Subject>Changed</t:Subject>"
                + "</t:Message></t:SetItemField></t:Updates></t:ItemChange></m:ItemChanges></m:UpdateItem>");
        assertThat(resend.body()).contains("<m:ResponseCode>ErrorInvalidItemForOperationSendItem</m:ResponseCode>");
        assertThat(store.read(() -> store.item(received).subject)).isEqualTo("Board pack for Q3 (25 MB)");
        HttpResponse<String> lostFolder = soap(ALICE, "<m:UpdateItem ConflictResolution=\"AlwaysOverwrite\" "
                + "MessageDisposition=\"SendAndSaveCopy\"><m:SavedItemFolderId><t:FolderId Id=\"AAAA-not-a-folder\"/>"
                + "</m:SavedItemFolderId><m:ItemChanges><t:ItemChange><t:ItemId Id=\"" + draft + "\"/><t:Updates>"
                + "<t:SetItemField><t:FieldURI FieldURI=\"item:Subject\"/><t:Message><t:Subject>Changed</t:Subject></t:Message>"
                + "</t:SetItemField></t:Updates></t:ItemChange></m:ItemChanges></m:UpdateItem>");
        assertThat(lostFolder.body()).contains("<m:ResponseCode>ErrorInvalidIdMalformed</m:ResponseCode>");
        assertThat(store.read(() -> store.item(draft).subject)).isEqualTo(draftSubject);
        assertThat(store.read(() -> mailbox(ALICE).currentSeq())).isEqualTo(before);
        store.write(() -> store.delete(store.item(draft), io.exchangehub.sandbox.store.DeleteMode.HARD));
    }

    @Test
    void aReplyAllThatCannotBeSentLeavesNoDraftBehind() {
        String original = store.write(() -> store.createMessage(folder(ALICE, WellKnownFolder.INBOX), m -> {
            m.subject = "Unroutable " + UUID.randomUUID();
            m.from = mailbox(BOB).recipient();
            m.to = new java.util.ArrayList<>(List.of(mailbox(ALICE).recipient(),
                    new io.exchangehub.sandbox.store.Recipient("Typo", "dana at fabrikam")));
        }).id);
        long before = store.read(() -> mailbox(ALICE).currentSeq());
        HttpResponse<String> replyAll = soap(ALICE, "<m:CreateItem MessageDisposition=\"SendAndSaveCopy\"><m:Items>"
                + "<t:ReplyAllToItem><t:ReferenceItemId Id=\"" + original + "\"/><t:NewBodyContent BodyType=\"Text\">Agreed"
                + "</t:NewBodyContent></t:ReplyAllToItem></m:Items></m:CreateItem>");
        assertThat(replyAll.body()).contains("<m:ResponseCode>ErrorInvalidRecipients</m:ResponseCode>");
        assertThat(store.read(() -> mailbox(ALICE).currentSeq())).as("no draft was made").isEqualTo(before);
        store.write(() -> store.delete(store.item(original), io.exchangehub.sandbox.store.DeleteMode.HARD));
    }

    @Test
    void mimeMessageIsSentAsItIs() throws Exception {
        String subject = "MIME to Bob " + UUID.randomUUID();
        String mime = "From: Alice Wong <alice@contoso.example>\r\nTo: Bob <bob@contoso.example>\r\nSubject: " + subject + "\r\n"
                + "Date: Mon, 2 Mar 2026 09:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                + "Sent from MIME\r\n";
        HttpResponse<String> sent = soap(ALICE, "<m:CreateItem MessageDisposition=\"SendAndSaveCopy\"><m:Items><t:Message>"
                + "<t:MimeContent CharacterSet=\"UTF-8\">" + java.util.Base64.getEncoder().encodeToString(
                        mime.getBytes(StandardCharsets.UTF_8)) + "</t:MimeContent></t:Message></m:Items></m:CreateItem>");
        assertThat(sent.body()).contains("ResponseClass=\"Success\"");
        assertThat(bobsInboxMessage(subject).body().content()).contains("Sent from MIME");
    }

    @Test
    void softDeletedItemsLeaveTheirFolder() throws Exception {
        ExchangeService alice = ews(ALICE);
        EmailMessage draft = new EmailMessage(alice);
        String subject = "Soft " + UUID.randomUUID();
        draft.setSubject(subject);
        draft.save(WellKnownFolderName.Drafts);
        draft.delete(DeleteMode.SoftDelete);
        assertThat(countIn(ALICE, WellKnownFolder.DRAFTS, subject)).isZero();
        assertThat(countIn(ALICE, WellKnownFolder.DELETED_ITEMS, subject)).isZero();
    }

    @Test
    void bobCannotReadAlicesItems() throws Exception {
        ExchangeService bob = ews(BOB);
        ItemId alicesItem = new ItemId(store.read(() -> boardPack().id));
        assertThatThrownBy(() -> EmailMessage.bind(bob, alicesItem))
                .isInstanceOfSatisfying(ServiceResponseException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(ServiceError.ErrorAccessDenied));
    }

    /** Saves MIME into Alice's Drafts through raw CreateItem; the new item's id. */
    private String savedFromMime(String mime) {
        HttpResponse<String> created = soap(ALICE, "<m:CreateItem MessageDisposition=\"SaveOnly\"><m:SavedItemFolderId>"
                + "<t:DistinguishedFolderId Id=\"drafts\"/></m:SavedItemFolderId><m:Items><t:Message><t:MimeContent>"
                + java.util.Base64.getEncoder().encodeToString(mime.getBytes(StandardCharsets.UTF_8))
                + "</t:MimeContent></t:Message></m:Items></m:CreateItem>");
        assertThat(created.body()).contains("ResponseClass=\"Success\"");
        return created.body().replaceAll("(?s).*<t:ItemId Id=\"([^\"]+)\".*", "$1");
    }

    private ItemId boardPackId(ExchangeService service) throws Exception {
        FindItemsResults<Item> found = service.findItems(WellKnownFolderName.Inbox,
                new SearchFilter.IsEqualTo(ItemSchema.Subject, "Board pack for Q3 (25 MB)"), new ItemView(5));
        assertThat(found.getItems()).hasSize(1);
        return found.getItems().get(0).getId();
    }

    private Message boardPack() {
        for (var item : folder(ALICE, WellKnownFolder.INBOX).items()) {
            if (item.subject.equals("Board pack for Q3 (25 MB)")) {
                return (Message) item;
            }
        }
        throw new AssertionError("seeded message missing");
    }

    private Message bobsInboxMessage(String subject) {
        return store.read(() -> folder(BOB, WellKnownFolder.INBOX).items().stream().filter(i -> i.subject.equals(subject))
                .map(Message.class::cast).findFirst().orElseThrow(() -> new AssertionError("not delivered: " + subject)));
    }

    private long countIn(String user, WellKnownFolder folder, String subject) {
        return store.read(() -> folder(user, folder).items().stream().filter(i -> i.subject.equals(subject)).count());
    }
}
