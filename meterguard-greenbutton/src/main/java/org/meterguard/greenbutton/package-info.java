/**
 * Reads utilities' interval history for import: Green Button (NAESB REQ.21 ESPI) files through
 * {@link org.meterguard.greenbutton.GreenButtonReader} and Meterguard's own interval CSV through
 * {@link org.meterguard.greenbutton.IntervalCsvReader}, both streaming and all-or-nothing per file; JDK and
 * meterguard-core only.
 */
package org.meterguard.greenbutton;
