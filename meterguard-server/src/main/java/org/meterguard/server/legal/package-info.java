/**
 * The legal-demand register: subpoenas, court and Commission orders, warrants and emergency requests with their
 * scope, the customers' notices and contests, and the releases made under each (through {@code consent}'s disclosure
 * log, basis LEGAL_DEMAND), decided by {@code core.legal}; the basis access control checks a legal-requirement read
 * against. Every change and release is audited.
 */
package org.meterguard.server.legal;
