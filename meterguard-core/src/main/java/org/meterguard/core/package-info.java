/** Meterguard's domain types and pure rules: meters, channels, interval readings, quality and purposes of use. */
package org.meterguard.core;
