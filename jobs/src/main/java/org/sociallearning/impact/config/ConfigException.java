package org.sociallearning.impact.config;

/** A config problem the user must fix; the message names the key and what is expected. */
public class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
