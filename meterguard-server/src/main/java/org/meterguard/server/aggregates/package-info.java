/**
 * Aggregated usage releases: cells of area (feeder or zone) × customer class × period computed from the store in
 * one streaming pass, released under the configured anonymity policy ({@code core.aggregates}), each release
 * audited and recorded with its inputs and a digest of its output, so that it can be reproduced.
 */
package org.meterguard.server.aggregates;
