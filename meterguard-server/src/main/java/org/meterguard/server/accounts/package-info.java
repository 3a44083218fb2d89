/**
 * Customers' accounts and where they take service: service points (feeder, zone), which meter served which service
 * point when, and who occupied it when (move-in, move-out), so that each account sees exactly its own period of
 * data. Names, addresses and contact details are sealed under a per-account data key wrapped by the
 * key-encryption key, and can be crypto-shredded.
 */
package org.meterguard.server.accounts;
