package io.exchangehub.config;

/** The two ways the hub runs; each is a Spring profile of the same name. */
public enum HubMode {
    /** In-process Exchange stand-in, demo data, local issuer: no Exchange, Azure AD or Redis needed. */
    SANDBOX("sandbox"),
    /** Real Exchange, Graph, Azure AD tenant and Redis. */
    PRODUCTION("production");

    private final String id;

    HubMode(String id) {
        this.id = id;
    }

    /** The profile and {@code hub.mode} value. */
    public String id() {
        return id;
    }
}
