package io.exchangehub.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns {@link MissingSettingsException} into one readable start-up failure message. */
public class MissingSettingsFailureAnalyzer extends AbstractFailureAnalyzer<MissingSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingSettingsException cause) {
        StringBuilder description = new StringBuilder("The hub runs in production mode and these settings have no value:\n");
        cause.missing().forEach(setting -> description.append("  - ").append(setting).append('\n'));
        return new FailureAnalysis(description.toString(),
                "Set each one (environment variables shown in brackets; secrets only from the environment), "
                        + "or run without Exchange settings to get the sandbox. See docs/configuration.md.",
                cause);
    }
}
