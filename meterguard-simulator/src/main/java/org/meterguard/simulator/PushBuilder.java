package org.meterguard.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.meterguard.dlms.CaptureObject;
import org.meterguard.dlms.CosemDateTime;
import org.meterguard.dlms.DataNotification;
import org.meterguard.dlms.GeneralGloCiphering;
import org.meterguard.dlms.InvocationCounter;
import org.meterguard.dlms.LoadProfileCodec;
import org.meterguard.dlms.Obis;
import org.meterguard.dlms.ProfileBuffer;
import org.meterguard.dlms.ProfileLayout;
import org.meterguard.dlms.SecurityControl;
import org.meterguard.dlms.SecuritySuite0;
import org.meterguard.dlms.WrapperDescriptor;
import org.meterguard.dlms.WrapperFrame;

/**
 * Builds what a meter sends: its load profile for some intervals as a DataNotification, ciphered with security
 * suite 0 under its own keys (general-glo-ciphering), inside an IEC 62056-47 wrapper frame.
 */
public final class PushBuilder {
    /** The wrapper port of the meter's management logical device. */
    public static final int METER_WPORT = 1;
    /** The wrapper port of the head-end client the pushes are addressed to. */
    public static final int HEAD_END_WPORT = 1;

    /** The layout the simulated residential meter model ("MG-SIM-R1") pushes: clock, import Wh, export Wh. */
    public static final ProfileLayout RESIDENTIAL_LAYOUT = new ProfileLayout(
            List.of(
                    CaptureObject.CLOCK,
                    CaptureObject.register(Obis.ACTIVE_ENERGY_IMPORT_INTERVAL, 0, CaptureObject.UNIT_WATT_HOUR),
                    CaptureObject.register(Obis.ACTIVE_ENERGY_EXPORT_INTERVAL, 0, CaptureObject.UNIT_WATT_HOUR)),
            Duration.ofMinutes(15));

    private final LoadShape shape;

    public PushBuilder(LoadShape shape) {
        this.shape = shape;
    }

    /** The load profile of {@code meter} for the intervals starting at {@code starts}. */
    public ProfileBuffer profile(SimulatedMeter meter, List<Instant> starts) {
        Duration period = RESIDENTIAL_LAYOUT.capturePeriod();
        ProfileBuffer.Builder buffer = ProfileBuffer.builder(2, starts.size());
        for (Instant start : starts) {
            buffer.add(start.plus(period), shape.importWh(meter, start), shape.exportWh(meter, start));
        }
        return buffer.build();
    }

    /** The complete wrapper frame carrying {@code profile}, protected with counter {@code counter}. */
    public static byte[] frame(SimulatedMeter meter, InvocationCounter counter, ProfileBuffer profile) {
        DataNotification notification = new DataNotification(
                counter.value() & 0x00FF_FFFFL,
                CosemDateTime.ofUtc(Instant.now()),
                LoadProfileCodec.encodeBody(meter.systemTitle(), RESIDENTIAL_LAYOUT, profile));
        return wrap(meter, counter, notification.encode());
    }

    /** Protects {@code apdu} as {@code meter} with {@code counter} and wraps it for the wire. */
    public static byte[] wrap(SimulatedMeter meter, InvocationCounter counter, byte[] apdu) {
        SecurityControl sc = SecurityControl.AUTHENTICATED_AND_ENCRYPTED;
        int securedLength = SecuritySuite0.protectedLength(sc, apdu.length);
        byte[] glo = GeneralGloCiphering.header(meter.systemTitle(), securedLength);
        // Ciphered straight into the frame: a meter-day frame is about 2.6 KB, and copying it through the secured
        // content, the APDU and the frame cost the simulator about as much as the AES-GCM itself.
        byte[] frame = WrapperFrame.withRoomFor(METER_WPORT, HEAD_END_WPORT, glo.length + securedLength);
        System.arraycopy(glo, 0, frame, WrapperDescriptor.HEADER_LENGTH, glo.length);
        SecuritySuite0.protect(
                sc,
                meter.systemTitle(),
                counter,
                meter.keys(),
                apdu,
                frame,
                WrapperDescriptor.HEADER_LENGTH + glo.length);
        return frame;
    }
}
