package io.exchangehub.sandbox.store;

/** One RFC 5322 header line of a received message. */
public record InternetHeader(String name, String value) {}
