package io.exchangehub.model;

/** An answer to a meeting invitation; ORGANIZER for the organizer's own item. */
public enum ResponseStatus { NONE, ORGANIZER, ACCEPTED, TENTATIVE, DECLINED, NOT_RESPONDED }
