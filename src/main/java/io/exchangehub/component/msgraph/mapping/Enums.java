package io.exchangehub.component.msgraph.mapping;

import io.exchangehub.model.Importance;
import io.exchangehub.model.Sensitivity;
import io.exchangehub.model.ShowAs;

/** The enumerations Graph and the model share under other names. */
public final class Enums {

    private Enums() {}

    public static Importance of(com.microsoft.graph.models.Importance importance) {
        if (importance == null) {
            return Importance.NORMAL;
        }
        return switch (importance) {
            case Low -> Importance.LOW;
            case High -> Importance.HIGH;
            default -> Importance.NORMAL;
        };
    }

    public static com.microsoft.graph.models.Importance toGraph(Importance importance) {
        return switch (importance) {
            case LOW -> com.microsoft.graph.models.Importance.Low;
            case HIGH -> com.microsoft.graph.models.Importance.High;
            case NORMAL -> com.microsoft.graph.models.Importance.Normal;
        };
    }

    public static Sensitivity of(com.microsoft.graph.models.Sensitivity sensitivity) {
        if (sensitivity == null) {
            return Sensitivity.NORMAL;
        }
        return switch (sensitivity) {
            case Personal -> Sensitivity.PERSONAL;
            case Private -> Sensitivity.PRIVATE;
            case Confidential -> Sensitivity.CONFIDENTIAL;
            default -> Sensitivity.NORMAL;
        };
    }

    public static com.microsoft.graph.models.Sensitivity toGraph(Sensitivity sensitivity) {
        return switch (sensitivity) {
            case PERSONAL -> com.microsoft.graph.models.Sensitivity.Personal;
            case PRIVATE -> com.microsoft.graph.models.Sensitivity.Private;
            case CONFIDENTIAL -> com.microsoft.graph.models.Sensitivity.Confidential;
            case NORMAL -> com.microsoft.graph.models.Sensitivity.Normal;
        };
    }

    public static ShowAs of(com.microsoft.graph.models.FreeBusyStatus status) {
        if (status == null) {
            return ShowAs.UNKNOWN;
        }
        return switch (status) {
            case Free -> ShowAs.FREE;
            case Tentative -> ShowAs.TENTATIVE;
            case Busy -> ShowAs.BUSY;
            case Oof -> ShowAs.OOF;
            case WorkingElsewhere -> ShowAs.WORKING_ELSEWHERE;
            default -> ShowAs.UNKNOWN;
        };
    }

    public static com.microsoft.graph.models.FreeBusyStatus toGraph(ShowAs showAs) {
        return switch (showAs) {
            case FREE -> com.microsoft.graph.models.FreeBusyStatus.Free;
            case TENTATIVE -> com.microsoft.graph.models.FreeBusyStatus.Tentative;
            case BUSY -> com.microsoft.graph.models.FreeBusyStatus.Busy;
            case OOF -> com.microsoft.graph.models.FreeBusyStatus.Oof;
            case WORKING_ELSEWHERE -> com.microsoft.graph.models.FreeBusyStatus.WorkingElsewhere;
            case UNKNOWN -> com.microsoft.graph.models.FreeBusyStatus.Unknown;
        };
    }
}
