package io.exchangehub.sandbox.issuer;

/**
 * A token request the sandbox issuer refuses, with the OAuth error and the AADSTS code Azure
 * AD would give.
 */
public class IssuerException extends RuntimeException {

    private final String error;
    private final int aadstsCode;

    public IssuerException(String error, int aadstsCode, String description) {
        super(description, null, false, false);
        this.error = error;
        this.aadstsCode = aadstsCode;
    }

    public String error() {
        return error;
    }

    public int aadstsCode() {
        return aadstsCode;
    }

    /** The error description as Azure AD words it: {@code AADSTS<code>: <text>}. */
    public String description() {
        return "AADSTS" + aadstsCode + ": " + getMessage();
    }
}
