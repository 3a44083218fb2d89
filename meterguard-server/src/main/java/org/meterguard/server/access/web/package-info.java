/** The access module's HTTP API: TOTP enrollment, "who am I", user administration, customers' access history. */
package org.meterguard.server.access.web;
