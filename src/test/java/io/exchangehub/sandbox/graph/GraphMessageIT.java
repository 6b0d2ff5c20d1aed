package io.exchangehub.sandbox.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.graph.core.tasks.PageIterator;
import com.microsoft.graph.models.BodyType;
import com.microsoft.graph.models.EmailAddress;
import com.microsoft.graph.models.FollowupFlag;
import com.microsoft.graph.models.FollowupFlagStatus;
import com.microsoft.graph.models.ItemBody;
import com.microsoft.graph.models.Message;
import com.microsoft.graph.models.MessageCollectionResponse;
import com.microsoft.graph.models.Recipient;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.messages.item.copy.CopyPostRequestBody;
import com.microsoft.graph.users.item.messages.item.createforward.CreateForwardPostRequestBody;
import com.microsoft.graph.users.item.messages.item.createreply.CreateReplyPostRequestBody;
import com.microsoft.graph.users.item.messages.item.createreplyall.CreateReplyAllPostRequestBody;
import com.microsoft.graph.users.item.messages.item.forward.ForwardPostRequestBody;
import com.microsoft.graph.users.item.messages.item.move.MovePostRequestBody;
import com.microsoft.graph.users.item.messages.item.reply.ReplyPostRequestBody;
import com.microsoft.graph.users.item.messages.item.replyall.ReplyAllPostRequestBody;
import com.microsoft.graph.users.item.sendmail.SendMailPostRequestBody;
import io.exchangehub.sandbox.store.FolderKind;
import io.exchangehub.sandbox.store.Importance;
import io.exchangehub.sandbox.store.Item;
import io.exchangehub.sandbox.store.WellKnownFolder;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class GraphMessageIT extends GraphIntegrationTest {

    @Test
    void messagesPageThroughTenThousandArchiveItemsWithNextLinks() throws Exception {
        GraphServiceClient graph = graph(CAROL);
        String archive = folderId(CAROL, "Archive 2024");
        MessageCollectionResponse first = graph.me().mailFolders().byMailFolderId(archive).messages().get(r -> {
            r.queryParameters.top = 100;
            r.queryParameters.select = new String[] {"receivedDateTime"};
        });
        assertThat(first.getOdataNextLink()).contains("$skip=100").contains("top=100");
        List<String> ids = new ArrayList<>();
        List<OffsetDateTime> received = new ArrayList<>();
        PageIterator<Message, MessageCollectionResponse> pages = new PageIterator.Builder<Message, MessageCollectionResponse>()
                .client(graph).collectionPage(first).collectionPageFactory(MessageCollectionResponse::createFromDiscriminatorValue)
                .processPageItemCallback(m -> {
                    ids.add(m.getId());
                    received.add(m.getReceivedDateTime());
                    return true;
                }).build();
        pages.iterate();
        assertThat(ids).hasSize(10_000).doesNotHaveDuplicates();
        assertThat(new HashSet<>(ids)).isEqualTo(store.read(() -> {
            Set<String> all = new HashSet<>();
            mailbox(CAROL).folderByPath("Archive 2024").items().forEach(i -> all.add(i.id));
            return all;
        }));
        for (int i = 1; i < received.size(); i++) {
            assertThat(received.get(i)).isBeforeOrEqualTo(received.get(i - 1));
        }
    }

    @Test
    void theWholeMailboxMergesItsFoldersNewestFirstAndCountsThem() {
        GraphServiceClient graph = graph(CAROL);
        long expected = store.read(() -> mailbox(CAROL).folders().stream().filter(f -> f.kind == FolderKind.MAIL)
                .flatMap(f -> f.items().stream()).filter(i -> i instanceof io.exchangehub.sandbox.store.Message).count());
        MessageCollectionResponse first = graph.me().messages().get(r -> {
            r.queryParameters.top = 30;
            r.queryParameters.count = true;
            r.queryParameters.select = new String[] {"receivedDateTime", "parentFolderId"};
        });
        assertThat(first.getOdataCount()).isEqualTo(expected);
        MessageCollectionResponse second = graph.me().messages().get(r -> {
            r.queryParameters.top = 30;
            r.queryParameters.skip = 30;
            r.queryParameters.select = new String[] {"receivedDateTime"};
        });
        List<Message> both = new ArrayList<>(first.getValue());
        both.addAll(second.getValue());
        assertThat(both).extracting(Message::getId).doesNotHaveDuplicates().hasSize(60);
        for (int i = 1; i < both.size(); i++) {
            assertThat(both.get(i).getReceivedDateTime()).isBeforeOrEqualTo(both.get(i - 1).getReceivedDateTime());
        }
        assertThat(first.getValue()).extracting(Message::getParentFolderId).doesNotContainNull();
    }

    @Test
    void filtersCountExactlyWhatTheStoreHolds() {
        GraphServiceClient graph = graph(CAROL);
        String inbox = folderId(CAROL, "Inbox");
        Instant since = Instant.parse(ANCHOR + "T00:00:00Z").minusSeconds(14 * 86400);
        assertCount(graph, inbox, "isRead eq false and importance eq 'high'",
                m -> !m.read && m.importance == Importance.HIGH);
        assertCount(graph, inbox, "isRead eq false or (hasAttachments eq true and not (importance eq 'normal'))",
                m -> !m.read || (m.hasAttachments() && m.importance != Importance.NORMAL));
        assertCount(graph, inbox, "receivedDateTime ge " + since + " and receivedDateTime lt " + ANCHOR + "T12:00:00Z",
                m -> !m.received.isBefore(since) && m.received.isBefore(Instant.parse(ANCHOR + "T12:00:00Z")));
        io.exchangehub.sandbox.store.Message board = itemIn(CAROL, "Inbox", io.exchangehub.sandbox.store.Message.class,
                m -> m.subject.startsWith("Board pack"));
        assertCount(graph, inbox, "from/emailAddress/address eq '" + board.from.address().toUpperCase(Locale.ROOT) + "'",
                m -> m.from != null && m.from.sameAddress(board.from.address()));
        assertCount(graph, inbox, "categories/any(c:c eq 'Customer') or flag/flagStatus eq 'flagged'",
                m -> m.categories.contains("Customer") || m.flag.status() == io.exchangehub.sandbox.store.Flag.Status.FLAGGED);
    }

    private void assertCount(GraphServiceClient graph, String folderId, String filter,
            Predicate<io.exchangehub.sandbox.store.Message> expected) {
        long count = store.read(() -> mailbox(CAROL).folder(io.exchangehub.sandbox.store.StoreId.decode(folderId).number()).items()
                .stream().filter(i -> i instanceof io.exchangehub.sandbox.store.Message m && expected.test(m)).count());
        MessageCollectionResponse page = graph.me().mailFolders().byMailFolderId(folderId).messages().get(r -> {
            r.queryParameters.filter = filter;
            r.queryParameters.count = true;
            r.queryParameters.top = 5;
        });
        assertThat(page.getOdataCount()).as(filter).isEqualTo(count);
        assertThat(page.getValue()).hasSize((int) Math.min(5, count));
    }

    @Test
    void orderByFollowsOutlooksRulesWithFilters() {
        GraphServiceClient graph = graph(CAROL);
        List<String> subjects = graph.me().mailFolders().byMailFolderId("inbox").messages().get(r -> {
            r.queryParameters.orderby = new String[] {"subject"};
            r.queryParameters.top = 40;
        }).getValue().stream().map(m -> m.getSubject().toLowerCase(Locale.ROOT)).toList();
        assertThat(subjects).isSorted();
        List<Message> unread = graph.me().mailFolders().byMailFolderId("inbox").messages().get(r -> {
            r.queryParameters.filter = "receivedDateTime ge 2020-01-01T00:00:00Z and isRead eq false";
            r.queryParameters.orderby = new String[] {"receivedDateTime asc"};
            r.queryParameters.top = 20;
        }).getValue();
        for (int i = 1; i < unread.size(); i++) {
            assertThat(unread.get(i).getReceivedDateTime()).isAfterOrEqualTo(unread.get(i - 1).getReceivedDateTime());
        }
        assertThatThrownBy(() -> graph.me().mailFolders().byMailFolderId("inbox").messages().get(r -> {
            r.queryParameters.filter = "isRead eq false";
            r.queryParameters.orderby = new String[] {"subject"};
        })).isInstanceOfSatisfying(ODataError.class, e -> assertThat(e.getError().getCode()).isEqualTo("InefficientFilter"));
    }

    @Test
    void searchFindsSenderSubjectAndPhrasesAndPagesWithSkipTokens() {
        GraphServiceClient graph = graph(CAROL);
        List<String> board = graph.me().messages().get(r -> r.queryParameters.search = "\"subject:\\\"board pack for\\\"\"")
                .getValue().stream().map(Message::getSubject).toList();
        assertThat(board).containsExactly("Board pack for Q3 (25 MB)");

        MessageCollectionResponse first = graph.me().messages().get(r -> {
            r.queryParameters.search = "\"from:newsletter@contoso.example\"";
            r.queryParameters.top = 5;
        });
        assertThat(first.getOdataNextLink()).contains("skiptoken=").doesNotContain("$skip=");
        List<String> ids = new ArrayList<>();
        MessageCollectionResponse page = first;
        while (true) {
            page.getValue().forEach(m -> ids.add(m.getId()));
            if (page.getOdataNextLink() == null) {
                break;
            }
            page = graph.me().messages().withUrl(page.getOdataNextLink()).get();
        }
        assertThat(ids).hasSize(12).doesNotHaveDuplicates();

        assertThatThrownBy(() -> graph.me().messages().get(r -> {
            r.queryParameters.search = "\"board\"";
            r.queryParameters.orderby = new String[] {"subject"};
        })).isInstanceOfSatisfying(ODataError.class, e -> {
            assertThat(e.getResponseStatusCode()).isEqualTo(400);
            assertThat(e.getError().getCode()).isEqualTo("ErrorInvalidUrlQuery");
        });
    }

    @Test
    void searchOfTheWholeMailboxIsNewestSentFirstAndEndsAtAThousandResults() {
        GraphServiceClient graph = graph(CAROL);
        List<Message> all = new ArrayList<>();
        MessageCollectionResponse page = graph.me().messages().get(r -> {
            r.queryParameters.search = "\"carol@contoso.example\"";
            r.queryParameters.top = 400;
            r.queryParameters.select = new String[] {"sentDateTime", "parentFolderId"};
        });
        int pages = 1;
        while (true) {
            all.addAll(page.getValue());
            if (page.getOdataNextLink() == null) {
                break;
            }
            page = graph.me().messages().withUrl(page.getOdataNextLink()).get();
            pages++;
        }
        assertThat(all).as("Carol is on far more than 1,000 messages; Graph gives the newest 1,000").hasSize(1000);
        assertThat(pages).isEqualTo(3);
        assertThat(all.stream().map(Message::getSentDateTime).toList()).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(all.stream().map(Message::getParentFolderId).distinct().count()).as("Inbox, Sent Items and more").isGreaterThan(2);
    }

    @Test
    void searchNarrowsByReceivedAndSentDaysInUtc() {
        GraphServiceClient graph = graph(CAROL);
        long june = store.read(() -> mailbox(CAROL).folders().stream().filter(f -> f.kind == FolderKind.MAIL)
                .flatMap(f -> f.items().stream()).filter(i -> i instanceof io.exchangehub.sandbox.store.Message)
                .map(i -> (io.exchangehub.sandbox.store.Message) i)
                .filter(m -> m.received != null && m.received.atOffset(ZoneOffset.UTC).getMonthValue() == 6
                        && m.received.atOffset(ZoneOffset.UTC).getYear() == 2024)
                .count());
        assertThat(june).isBetween(1L, 999L);
        List<Message> found = graph.me().messages().get(r -> {
            r.queryParameters.search = "\"received>=2024-06-01 received<=06/30/2024\"";
            r.queryParameters.top = 1000;
            r.queryParameters.select = new String[] {"receivedDateTime"};
        }).getValue();
        assertThat(found).hasSize((int) june).allSatisfy(m -> assertThat(m.getReceivedDateTime().withOffsetSameInstant(
                ZoneOffset.UTC).toLocalDate()).isBetween(LocalDate.parse("2024-06-01"),
                LocalDate.parse("2024-06-30")));
        List<Message> day = graph.me().messages().get(r -> {
            r.queryParameters.search = "\"sent:2024-06-03..2024-06-03\"";
            r.queryParameters.top = 1000;
            r.queryParameters.select = new String[] {"sentDateTime"};
        }).getValue();
        assertThat(day).isNotEmpty().allSatisfy(m -> assertThat(m.getSentDateTime().withOffsetSameInstant(ZoneOffset.UTC)
                .toLocalDate()).isEqualTo(LocalDate.parse("2024-06-03")));
    }

    @Test
    void aMessageIsReadWithSelectExpandAndTheBodyTypeAsked() throws Exception {
        GraphServiceClient graph = graph(CAROL);
        io.exchangehub.sandbox.store.Message newsletter = itemIn(CAROL, "Inbox/Newsletters", io.exchangehub.sandbox.store.Message.class,
                m -> true);
        Message selected = graph.me().messages().byMessageId(newsletter.id).get(r ->
                r.queryParameters.select = new String[] {"subject", "hasAttachments"});
        assertThat(selected.getSubject()).isEqualTo(newsletter.subject);
        assertThat(selected.getHasAttachments()).as("an inline image is no attachment").isFalse();
        assertThat(selected.getBody()).isNull();
        assertThat(selected.getToRecipients()).isNull();

        Message expanded = graph.me().messages().byMessageId(newsletter.id).get(r -> {
            r.queryParameters.expand = new String[] {"attachments"};
            r.headers.add("Prefer", "outlook.body-content-type=\"text\"");
        });
        assertThat(expanded.getBody().getContentType()).isEqualTo(BodyType.Text);
        assertThat(expanded.getBody().getContent()).doesNotContain("<").contains("Quarterly results");
        com.microsoft.graph.models.FileAttachment logo = (com.microsoft.graph.models.FileAttachment) expanded.getAttachments().get(0);
        assertThat(logo.getIsInline()).isTrue();
        assertThat(logo.getContentId()).isEqualTo("insider-logo@contoso");
        assertThat(logo.getContentBytes()).startsWith(0x89, 'P', 'N', 'G');

        HttpResponse<String> raw = raw("GET", "/me/messages/" + newsletter.id + "?$select=subject", tokenOf(CAROL), null,
                "Prefer", "outlook.body-content-type=\"text\"");
        assertThat(raw.headers().firstValue("Preference-Applied")).hasValue("outlook.body-content-type=\"text\"");
        JsonNode json = readJson(raw.body());
        assertThat(json.get("@odata.etag").asText()).isEqualTo("W/\"" + newsletter.changeKey() + "\"");
        assertThat(json.get("@odata.context").asText()).endsWith("/$metadata#users('" + mailbox(CAROL).objectId + "')/messages/$entity");

        try (InputStream in = graph.me().messages().byMessageId(newsletter.id).content().get()) {
            jakarta.mail.internet.MimeMessage mime = new jakarta.mail.internet.MimeMessage(null, in);
            assertThat(mime.getSubject()).isEqualTo(newsletter.subject);
            assertThat(mime.getMessageID()).isEqualTo(newsletter.internetMessageId);
            jakarta.mail.internet.MimeMultipart parts = (jakarta.mail.internet.MimeMultipart) mime.getContent();
            jakarta.mail.internet.MimeBodyPart image = (jakarta.mail.internet.MimeBodyPart) parts.getBodyPart(1);
            assertThat(image.getContentID()).isEqualTo("<insider-logo@contoso>");
            assertThat(image.getInputStream().readAllBytes()).startsWith(0x89, 'P', 'N', 'G');
        }
    }

    @Test
    void draftsAreCreatedChangedWithETagsAndSent() {
        GraphServiceClient graph = graph(CAROL);
        String subject = "Draft " + UUID.randomUUID();
        Message draft = new Message();
        draft.setSubject(subject);
        draft.setBody(body(BodyType.Html, "<p>Hello Alice</p>"));
        draft.setToRecipients(List.of(recipient(ALICE)));
        draft.setImportance(com.microsoft.graph.models.Importance.High);
        Message created = graph.me().messages().post(draft);
        assertThat(created.getIsDraft()).isTrue();
        assertThat(created.getParentFolderId()).isEqualTo(folderId(CAROL, "Drafts"));
        assertThat(created.getImportance()).isEqualTo(com.microsoft.graph.models.Importance.High);

        Message change = new Message();
        change.setSubject(subject + " (v2)");
        FollowupFlag flag = new FollowupFlag();
        flag.setFlagStatus(FollowupFlagStatus.Flagged);
        change.setFlag(flag);
        change.setCategories(List.of("Red category"));
        change.setBody(body(BodyType.Text, "Hello Alice and Bob"));
        change.setCcRecipients(List.of(recipient(BOB)));
        Message changed = graph.me().messages().byMessageId(created.getId()).patch(change,
                r -> r.headers.add("If-Match", "W/\"" + created.getChangeKey() + "\""));
        assertThat(changed.getSubject()).endsWith("(v2)");
        assertThat(changed.getFlag().getFlagStatus()).isEqualTo(FollowupFlagStatus.Flagged);
        assertThat(changed.getChangeKey()).isNotEqualTo(created.getChangeKey());
        assertThat(changed.getBody().getContentType()).isEqualTo(BodyType.Text);
        assertThat(changed.getCcRecipients()).extracting(r -> r.getEmailAddress().getAddress()).containsExactly(BOB);

        Message stale = new Message();
        stale.setSubject("stale");
        assertThatThrownBy(() -> graph.me().messages().byMessageId(created.getId()).patch(stale,
                r -> r.headers.add("If-Match", "W/\"" + created.getChangeKey() + "\""))).isInstanceOfSatisfying(ODataError.class, e -> {
                    assertThat(e.getResponseStatusCode()).isEqualTo(412);
                    assertThat(e.getError().getCode()).isEqualTo("ErrorIrresolvableConflict");
                });

        graph.me().messages().byMessageId(created.getId()).send().post();
        assertThat(inboxSubjects(ALICE)).contains(subject + " (v2)");
        assertThat(inboxSubjects(BOB)).contains(subject + " (v2)");
        assertThat(subjectsIn(CAROL, WellKnownFolder.SENT_ITEMS)).contains(subject + " (v2)");
        assertThat(subjectsIn(CAROL, WellKnownFolder.DRAFTS)).doesNotContain(subject + " (v2)");
        assertThatThrownBy(() -> graph.me().messages().byMessageId(created.getId()).get())
                .isInstanceOfSatisfying(ODataError.class, e -> assertThat(e.getError().getCode()).isEqualTo("ErrorItemNotFound"));
    }

    @Test
    void receivedMessagesTakeOnlyTheChangesGraphAllowsThem() {
        GraphServiceClient graph = graph(CAROL);
        String sent = "Received " + UUID.randomUUID();
        SendMailPostRequestBody mail = new SendMailPostRequestBody();
        Message toCarol = new Message();
        toCarol.setSubject(sent);
        toCarol.setToRecipients(List.of(recipient(CAROL)));
        mail.setMessage(toCarol);
        graph(ALICE).me().sendMail().post(mail);
        io.exchangehub.sandbox.store.Message received = itemIn(CAROL, "Inbox", io.exchangehub.sandbox.store.Message.class,
                m -> m.subject.equals(sent));
        Message subject = new Message();
        subject.setSubject("rewritten");
        assertThatThrownBy(() -> graph.me().messages().byMessageId(received.id).patch(subject))
                .isInstanceOfSatisfying(ODataError.class, e -> assertThat(e.getError().getCode())
                        .isEqualTo("ErrorInvalidPropertyUpdateSentMessage"));
        boolean wasRead = store.read(() -> received.read);
        Message read = new Message();
        read.setIsRead(!wasRead);
        read.setCategories(List.of("Blue category"));
        Message updated = graph.me().messages().byMessageId(received.id).patch(read);
        assertThat(updated.getIsRead()).isEqualTo(!wasRead);
        assertThat(updated.getCategories()).containsExactly("Blue category");
        assertThat(store.read(() -> received.read)).isEqualTo(updated.getIsRead());
    }

    @Test
    void repliesAndForwardsGoOutOrWaitAsDrafts() {
        GraphServiceClient carol = graph(CAROL);
        String subject = "Question " + UUID.randomUUID();
        SendMailPostRequestBody ask = new SendMailPostRequestBody();
        Message question = new Message();
        question.setSubject(subject);
        question.setBody(body(BodyType.Text, "Can you check the numbers?"));
        question.setToRecipients(List.of(recipient(CAROL)));
        question.setCcRecipients(List.of(recipient(BOB)));
        ask.setMessage(question);
        graph(ALICE).me().sendMail().post(ask);
        String id = itemIn(CAROL, "Inbox", io.exchangehub.sandbox.store.Message.class, m -> m.subject.equals(subject)).id;

        ReplyPostRequestBody reply = new ReplyPostRequestBody();
        reply.setComment("Checked, all good.");
        carol.me().messages().byMessageId(id).reply().post(reply);
        assertThat(inboxSubjects(ALICE)).contains("RE: " + subject);

        carol.me().messages().byMessageId(id).replyAll().post(new ReplyAllPostRequestBody());
        assertThat(inboxSubjects(BOB)).contains(subject, "RE: " + subject);

        ForwardPostRequestBody forward = new ForwardPostRequestBody();
        forward.setComment("FYI");
        forward.setToRecipients(List.of(recipient(BOB)));
        carol.me().messages().byMessageId(id).forward().post(forward);
        assertThat(inboxSubjects(BOB)).contains("FW: " + subject);

        Message replyDraft = carol.me().messages().byMessageId(id).createReply().post(new CreateReplyPostRequestBody());
        assertThat(replyDraft.getIsDraft()).isTrue();
        assertThat(replyDraft.getSubject()).isEqualTo("RE: " + subject);
        assertThat(replyDraft.getToRecipients()).extracting(r -> r.getEmailAddress().getAddress()).containsExactly(ALICE);
        Message allDraft = carol.me().messages().byMessageId(id).createReplyAll().post(new CreateReplyAllPostRequestBody());
        assertThat(allDraft.getCcRecipients()).extracting(r -> r.getEmailAddress().getAddress()).containsExactly(BOB);
        CreateForwardPostRequestBody createForward = new CreateForwardPostRequestBody();
        createForward.setToRecipients(List.of(recipient(BOB)));
        Message forwardDraft = carol.me().messages().byMessageId(id).createForward().post(createForward);
        assertThat(forwardDraft.getSubject()).isEqualTo("FW: " + subject);
        assertThat(forwardDraft.getParentFolderId()).isEqualTo(folderId(CAROL, "Drafts"));

        long journal = journal(CAROL);
        assertThatThrownBy(() -> carol.me().messages().byMessageId(id).forward().post(new ForwardPostRequestBody()))
                .isInstanceOfSatisfying(ODataError.class, e -> assertThat(e.getError().getCode()).isEqualTo("ErrorInvalidRecipients"));
        ReplyPostRequestBody misaddressed = new ReplyPostRequestBody();
        Message typo = new Message();
        typo.setToRecipients(List.of(recipient("alice at contoso")));
        misaddressed.setMessage(typo);
        assertThatThrownBy(() -> carol.me().messages().byMessageId(id).reply().post(misaddressed))
                .isInstanceOfSatisfying(ODataError.class, e -> assertThat(e.getError().getCode()).isEqualTo("ErrorInvalidRecipients"));
        assertThat(journal(CAROL)).as("a refused send makes no draft, not even for a moment").isEqualTo(journal);
    }

    @Test
    void sendMailDeliversAndSavesToSentItemsWhenAsked() {
        GraphServiceClient graph = graph(CAROL);
        String saved = "Saved " + UUID.randomUUID();
        String unsaved = "Unsaved " + UUID.randomUUID();
        for (String subject : List.of(saved, unsaved)) {
            SendMailPostRequestBody request = new SendMailPostRequestBody();
            Message message = new Message();
            message.setSubject(subject);
            message.setBody(body(BodyType.Text, "Hi Alice"));
            message.setToRecipients(List.of(recipient(ALICE)));
            request.setMessage(message);
            request.setSaveToSentItems(subject.equals(saved));
            graph.me().sendMail().post(request);
        }
        assertThat(inboxSubjects(ALICE)).contains(saved, unsaved);
        io.exchangehub.sandbox.store.Message delivered = itemIn(ALICE, "Inbox", io.exchangehub.sandbox.store.Message.class,
                m -> m.subject.equals(saved));
        assertThat(delivered.from.address()).isEqualTo(CAROL);
        assertThat(delivered.read).isFalse();
        assertThat(subjectsIn(CAROL, WellKnownFolder.SENT_ITEMS)).contains(saved).doesNotContain(unsaved);

        SendMailPostRequestBody invalid = new SendMailPostRequestBody();
        Message nobody = new Message();
        nobody.setSubject("nobody");
        invalid.setMessage(nobody);
        long journal = journal(CAROL);
        assertThatThrownBy(() -> graph.me().sendMail().post(invalid)).isInstanceOfSatisfying(ODataError.class,
                e -> assertThat(e.getError().getCode()).isEqualTo("ErrorInvalidRecipients"));
        assertThat(journal(CAROL)).as("a refused send makes no draft, not even for a moment").isEqualTo(journal);
    }

    @Test
    void messagesMoveCopyAndDeleteToDeletedItemsOrForGood() {
        GraphServiceClient graph = graph(CAROL);
        Message draft = new Message();
        draft.setSubject("Mover " + UUID.randomUUID());
        Message created = graph.me().messages().post(draft);

        MovePostRequestBody move = new MovePostRequestBody();
        move.setDestinationId("inbox");
        Message moved = graph.me().messages().byMessageId(created.getId()).move().post(move);
        assertThat(moved.getId()).isNotEqualTo(created.getId());
        assertThat(moved.getParentFolderId()).isEqualTo(folderId(CAROL, "Inbox"));
        assertThatThrownBy(() -> graph.me().messages().byMessageId(created.getId()).get()).isInstanceOf(ODataError.class);

        CopyPostRequestBody copy = new CopyPostRequestBody();
        copy.setDestinationId(folderId(CAROL, "Archive 2024"));
        Message copied = graph.me().messages().byMessageId(moved.getId()).copy().post(copy);
        assertThat(copied.getParentFolderId()).isEqualTo(folderId(CAROL, "Archive 2024"));
        graph.me().messages().byMessageId(copied.getId()).permanentDelete().post();
        assertThat(store.read(() -> mailbox(CAROL).folderByPath("Archive 2024").totalCount())).isEqualTo(10_000);

        graph.me().messages().byMessageId(moved.getId()).delete();
        List<String> deleted = subjectsIn(CAROL, WellKnownFolder.DELETED_ITEMS);
        assertThat(deleted).contains(draft.getSubject());
    }

    private static ItemBody body(BodyType type, String content) {
        ItemBody body = new ItemBody();
        body.setContentType(type);
        body.setContent(content);
        return body;
    }

    static Recipient recipient(String address) {
        EmailAddress email = new EmailAddress();
        email.setAddress(address);
        Recipient recipient = new Recipient();
        recipient.setEmailAddress(email);
        return recipient;
    }

    private long journal(String address) {
        return store.read(() -> mailbox(address).currentSeq());
    }

    private List<String> inboxSubjects(String address) {
        return subjectsIn(address, WellKnownFolder.INBOX);
    }

    private List<String> subjectsIn(String address, WellKnownFolder folder) {
        return store.read(() -> store.wellKnown(mailbox(address), folder).items().stream().map((Item i) -> i.subject).toList());
    }
}
