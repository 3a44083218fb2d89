package org.meterguard.server.retention;

import org.meterguard.core.retention.DataCategory;

/**
 * One step of a retention run or dry run: what it does and how many rows (or accounts) it removes or would remove.
 */
public record RetentionStep(DataCategory category, String action, long affected, boolean executed) {}
