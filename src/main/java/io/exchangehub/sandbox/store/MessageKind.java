package io.exchangehub.sandbox.store;

/** What kind of message: an ordinary note, or one of the meeting messages Exchange sends. */
public enum MessageKind {
    NOTE("IPM.Note"),
    MEETING_REQUEST("IPM.Schedule.Meeting.Request"),
    MEETING_CANCELLATION("IPM.Schedule.Meeting.Canceled"),
    MEETING_ACCEPTED("IPM.Schedule.Meeting.Resp.Pos"),
    MEETING_TENTATIVE("IPM.Schedule.Meeting.Resp.Tent"),
    MEETING_DECLINED("IPM.Schedule.Meeting.Resp.Neg");

    private final String itemClass;

    MessageKind(String itemClass) {
        this.itemClass = itemClass;
    }

    public String itemClass() {
        return itemClass;
    }

    public boolean isMeetingResponse() {
        return this == MEETING_ACCEPTED || this == MEETING_TENTATIVE || this == MEETING_DECLINED;
    }
}
