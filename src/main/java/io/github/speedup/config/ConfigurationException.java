package io.github.speedup.config;

/** A parameter has a value the plugin cannot use; the message names both and what is allowed. */
public class ConfigurationException extends Exception {

    public ConfigurationException(String parameter, Object value, String allowed) {
        super("Invalid value for parameter '" + parameter + "': '" + value + "'. Allowed: " + allowed + ".");
    }
}
