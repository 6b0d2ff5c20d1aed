package io.exchangehub.sandbox.store;

public enum ReplyKind { REPLY, REPLY_ALL, FORWARD }
