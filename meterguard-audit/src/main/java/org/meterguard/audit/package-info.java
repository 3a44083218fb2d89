/**
 * The tamper-evident audit log: RFC 9162 Merkle hashing of canonically encoded audit events ({@link
 * org.meterguard.audit.MerkleTree}, {@link org.meterguard.audit.MerkleProofs}), Ed25519-signed tree heads in RFC
 * 6962's layout ({@link org.meterguard.audit.SignedTreeHead}, {@link org.meterguard.audit.TreeHeadSigner}), a durable
 * append-only journal with group commit ({@link org.meterguard.audit.AuditJournal}), and the offline verifier of its
 * exports ({@link org.meterguard.audit.ExportVerifier}, {@link org.meterguard.audit.AuditVerifyMain}). Binary layouts
 * are in the {@code *Descriptor} classes.
 */
package org.meterguard.audit;
