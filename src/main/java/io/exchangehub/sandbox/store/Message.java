package io.exchangehub.sandbox.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An email message, or a meeting message (request, response, cancellation). */
public final class Message extends Item {

    public MessageKind kind = MessageKind.NOTE;
    public Recipient from;
    public Recipient sender;
    public List<Recipient> to = new ArrayList<>();
    public List<Recipient> cc = new ArrayList<>();
    public List<Recipient> bcc = new ArrayList<>();
    public List<Recipient> replyTo = new ArrayList<>();
    public Instant received;
    public Instant sent;
    public boolean read;
    public boolean draft;
    public Flag flag = Flag.NONE;
    public String conversationId;
    public String conversationTopic;
    public byte[] conversationIndex;
    public String internetMessageId;
    public String inReplyTo;
    public String references;
    public boolean readReceiptRequested;
    public boolean deliveryReceiptRequested;
    public List<InternetHeader> headers = new ArrayList<>();
    /** Meeting messages: the iCalendar UID of the meeting they are about. */
    public String meetingUid;
    /** Meeting requests: when the meeting starts and ends, and where. */
    public Instant meetingStart;
    public Instant meetingEnd;
    public String meetingLocation;

    public Message(Mailbox mailbox, long number, Instant created) {
        super(mailbox, number, MessageKind.NOTE.itemClass(), created);
    }

    public void kind(MessageKind newKind) {
        this.kind = newKind;
        this.itemClass = newKind.itemClass();
    }

    /** The DisplayTo/DisplayCc string Exchange computes: names joined by "; ". */
    public static String display(List<Recipient> recipients) {
        List<String> names = new ArrayList<>();
        for (Recipient r : recipients) {
            names.add(r.name().isEmpty() ? r.address() : r.name());
        }
        return String.join("; ", names);
    }

    void copyTo(Message target) {
        copyCommonTo(target);
        target.kind(kind);
        target.itemClass = itemClass;
        target.from = from;
        target.sender = sender;
        target.to = new ArrayList<>(to);
        target.cc = new ArrayList<>(cc);
        target.bcc = new ArrayList<>(bcc);
        target.replyTo = new ArrayList<>(replyTo);
        target.received = received;
        target.sent = sent;
        target.read = read;
        target.draft = draft;
        target.flag = flag;
        target.conversationId = conversationId;
        target.conversationTopic = conversationTopic;
        target.conversationIndex = conversationIndex;
        target.internetMessageId = internetMessageId;
        target.inReplyTo = inReplyTo;
        target.references = references;
        target.readReceiptRequested = readReceiptRequested;
        target.deliveryReceiptRequested = deliveryReceiptRequested;
        target.headers = new ArrayList<>(headers);
        target.meetingUid = meetingUid;
        target.meetingStart = meetingStart;
        target.meetingEnd = meetingEnd;
        target.meetingLocation = meetingLocation;
    }
}
