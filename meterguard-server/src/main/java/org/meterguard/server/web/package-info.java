/**
 * What every HTTP API shares: request parameters parsed with errors that name them, and refusals and bad requests
 * answered as RFC 9457 problem details.
 */
package org.meterguard.server.web;
