/** How the access module authenticates: sign-in steps, TOTP, lockout, sessions, tokens (internal to the module). */
package org.meterguard.server.access.internal;
