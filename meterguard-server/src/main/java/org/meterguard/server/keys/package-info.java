/**
 * The key-encryption key (KEK), kept in a local PKCS#12 keystore file outside the database, and envelope
 * encryption of data keys under it: no plaintext key is ever written to the database.
 */
package org.meterguard.server.keys;
