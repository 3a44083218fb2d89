/**
 * The utility's own collector certificate authority (ECDSA P-256 keys, PKCS#12 bundles, an issued-certificates
 * index and a CRL re-issued on every revocation) and the mutual TLS 1.3 contexts with which collectors and the
 * head-end authenticate each other; JDK and BouncyCastle only, no Spring, no Netty.
 */
package org.meterguard.pki;
