/**
 * Validation, estimation and editing applied by the store: the pure rules of {@code org.meterguard.core.vee} run
 * over each meter's local days, their findings kept, their estimates and people's edits written back with the
 * values they replaced and recorded in the audit log; a report lists meters with gaps, estimates and failed checks.
 */
package org.meterguard.server.vee;
