package org.meterguard.core.vee;

/** How much a finding weighs. */
public enum Severity {
    /** Worth a look; changes no quality (e.g. a check that could not be made, an estimate that could not be made). */
    WARNING,
    /** A check failed: raw values the finding covers become questionable; missing slots stay missing. */
    ERROR
}
