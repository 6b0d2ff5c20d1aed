package io.exchangehub.component.ews;

/** What an {@code ews:} endpoint works on: the URI path. */
public enum EwsResource { folders, messages, calendar, contacts, attachments, notifications }
