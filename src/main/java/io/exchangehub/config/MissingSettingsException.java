package io.exchangehub.config;

import java.util.List;

/** Production start-up without the settings it needs; names every one of them. */
public class MissingSettingsException extends RuntimeException {

    private final List<String> missing;

    public MissingSettingsException(List<String> missing) {
        super("Production mode is missing " + missing.size() + " required setting(s): " + String.join(", ", missing));
        this.missing = List.copyOf(missing);
    }

    public List<String> missing() {
        return missing;
    }
}
