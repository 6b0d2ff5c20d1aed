package io.exchangehub.sandbox.ews;

/**
 * The schema versions a client may ask for ({@code t:RequestServerVersion}), in order. The
 * sandbox answers as Exchange 2019 and serves Exchange2010_SP2 and later; what a version does
 * not know (item:Flag, TextBody, Preview, …) is left out of answers to it, as Exchange does.
 */
enum EwsVersion {
    Exchange2007, Exchange2007_SP1, Exchange2009, Exchange2010, Exchange2010_SP1, Exchange2010_SP2, Exchange2012,
    Exchange2013, Exchange2013_SP1, Exchange2015, Exchange2016, V2015_10_05, V2016_01_06, V2016_04_13, V2016_07_13,
    V2016_10_10, V2017_01_07, V2017_04_14, V2017_07_11, V2017_10_09, V2018_01_08;

    /** The oldest version the sandbox serves. */
    static final EwsVersion OLDEST_SERVED = Exchange2010_SP2;

    /** The version of a request without RequestServerVersion, which Exchange reads as Exchange 2007. */
    static final EwsVersion UNSPECIFIED = Exchange2007;

    static EwsVersion parse(String value) {
        for (EwsVersion version : values()) {
            if (version.name().equals(value)) {
                return version;
            }
        }
        return null;
    }

    boolean atLeast(EwsVersion other) {
        return compareTo(other) >= 0;
    }
}
