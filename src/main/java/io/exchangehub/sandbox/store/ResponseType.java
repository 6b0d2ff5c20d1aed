package io.exchangehub.sandbox.store;

/** An attendee's answer to a meeting, as Exchange records it. */
public enum ResponseType { UNKNOWN, ORGANIZER, TENTATIVE, ACCEPTED, DECLINED, NOT_RESPONDED }
