/**
 * The privacy notice: its published versions (the privacy officer publishes, every version is kept), the public
 * page, and the notice log of each notice given to a customer, with the check of what is due at sign-in.
 */
package org.meterguard.server.privacy;
