/**
 * Data minimization: a scheduled job applies the retention policy (per data category) by dropping or rewriting
 * month partitions, deleting expired records and crypto-shredding closed accounts' personal information; every
 * removal is recorded in the audit log, and a dry run reports what would go.
 */
package org.meterguard.server.retention;
