/**
 * Validation, estimation and editing (VEE) of one meter channel's interval data, as pure rules over the meter's
 * local days: {@link org.meterguard.core.vee.Vee} validates a {@link org.meterguard.core.vee.IntervalSeries},
 * then estimates what is missing, and applies people's {@link org.meterguard.core.vee.Edit}s; a caller loads the
 * stored slots, calls in, and writes the {@link org.meterguard.core.vee.VeeResult} back.
 *
 * <p>Quality codes follow ESPI {@code QualityOfReading} (NAESB REQ.21, espi.xsd), as read in the Green Button
 * Alliance's enumeration of it (GreenButtonAlliance/OpenESPI-GreenButton-Java, {@code
 * openespi-common/src/main/java/org/greenbuttonalliance/espi/common/domain/usage/enums/QualityOfReading.java}):
 * 14 raw has not been through validation; 0 valid passed every required check; 10 questionable failed one or more
 * checks; 9 was computed by linear interpolation from the readings before and after it; 8 was replaced by a value
 * computed from historical data of the same measurement (a reference day); 7 was replaced or approved by a person.
 * Hence validation only ever moves 14 to 0 or 10, estimation writes 9 or 8, and editing writes 7.
 */
package org.meterguard.core.vee;
