package org.meterguard.server.headend.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.meterguard.core.Channel;
import org.meterguard.core.IntervalGrid;
import org.meterguard.core.IntervalReading;
import org.meterguard.core.ReadingQuality;
import org.meterguard.dlms.CaptureObject;
import org.meterguard.dlms.DataNotification;
import org.meterguard.dlms.DecryptionFailed;
import org.meterguard.dlms.DlmsException;
import org.meterguard.dlms.GeneralGloCiphering;
import org.meterguard.dlms.InvocationCounter;
import org.meterguard.dlms.LoadProfileCodec;
import org.meterguard.dlms.ProfileBuffer;
import org.meterguard.dlms.ProfileLayout;
import org.meterguard.dlms.SecurityControl;
import org.meterguard.dlms.SecuritySuite0;
import org.meterguard.dlms.SystemTitle;
import org.meterguard.server.headend.FrameRejected;
import org.meterguard.server.headend.MeterModels;
import org.meterguard.server.headend.RejectionReason;
import org.meterguard.server.meters.MeterRegistry;
import org.meterguard.server.meters.RegisteredMeter;
import org.springframework.stereotype.Component;

/**
 * Turns one wrapper payload into a {@link VerifiedPush}, or refuses it. The checks run cheapest first and all
 * before anything is stored: the APDU parses, the system title belongs to a registered meter, the frame is
 * authenticated and encrypted, its counter rises above the last accepted, the GCM tag verifies under that
 * meter's keys, the notification names the same device, and its body matches the meter model's layout.
 */
@Component
class FrameVerifier {
    private final MeterRegistry meters;

    FrameVerifier(MeterRegistry meters) {
        this.meters = meters;
    }

    VerifiedPush verify(GeneralGloCiphering apdu) {
        SystemTitle title = apdu.systemTitle();
        RegisteredMeter meter = meters.findBySystemTitle(title)
                .orElseThrow(
                        () -> new FrameRejected(RejectionReason.UNKNOWN_METER, "no meter has system title " + title));
        byte[] secured = apdu.securedContent();
        InvocationCounter counter = header(() -> SecuritySuite0.peekInvocationCounter(secured));
        SecurityControl control = header(() -> SecuritySuite0.peekSecurityControl(secured));
        if (control != SecurityControl.AUTHENTICATED_AND_ENCRYPTED) {
            throw new FrameRejected(
                    RejectionReason.UNPROTECTED,
                    "meter " + meter.meterId()
                            + " sent a frame with security control " + control + "; only authenticated and encrypted"
                            + " frames are accepted");
        }
        if (!meter.isFresh(counter)) {
            throw replay(meter, counter);
        }
        byte[] plaintext = decrypt(meter, secured);
        return new VerifiedPush(meter, counter, gridOf(meter), readingsOf(meter, plaintext));
    }

    static FrameRejected replay(RegisteredMeter meter, InvocationCounter counter) {
        return new FrameRejected(
                RejectionReason.REPLAYED_COUNTER,
                "meter " + meter.meterId()
                        + " sent invocation counter " + counter.value() + ", not above the last accepted "
                        + (meter.highestAccepted() == null
                                ? "(none)"
                                : meter.highestAccepted().value()));
    }

    private static <T> T header(java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (DlmsException e) {
            throw new FrameRejected(RejectionReason.MALFORMED, e.getMessage());
        }
    }

    private static byte[] decrypt(RegisteredMeter meter, byte[] secured) {
        try {
            return SecuritySuite0.unprotect(meter.systemTitle(), meter.keys(), secured)
                    .plaintext();
        } catch (DecryptionFailed e) {
            throw new FrameRejected(
                    RejectionReason.AUTHENTICATION_FAILED,
                    "a frame claiming to be from meter " + meter.meterId() + " failed authentication");
        } catch (DlmsException e) {
            throw new FrameRejected(RejectionReason.MALFORMED, e.getMessage());
        }
    }

    private static IntervalGrid gridOf(RegisteredMeter meter) {
        return new IntervalGrid(layoutOf(meter).capturePeriod());
    }

    private static ProfileLayout layoutOf(RegisteredMeter meter) {
        return MeterModels.layoutOf(meter.model())
                .orElseThrow(() -> new FrameRejected(
                        RejectionReason.UNEXPECTED_CONTENT,
                        "meter " + meter.meterId() + " has model " + meter.model()
                                + ", for which no push layout is configured"));
    }

    private static Map<Channel, List<IntervalReading>> readingsOf(RegisteredMeter meter, byte[] plaintext) {
        ProfileLayout layout = layoutOf(meter);
        ProfileBuffer buffer;
        try {
            DataNotification notification = DataNotification.decode(plaintext);
            SystemTitle device = LoadProfileCodec.deviceOf(notification.body());
            if (!device.equals(meter.systemTitle())) {
                throw new FrameRejected(
                        RejectionReason.DEVICE_MISMATCH,
                        "meter " + meter.meterId() + "'s frame carries a notification from device " + device);
            }
            buffer = LoadProfileCodec.decodeBody(notification.body(), layout);
        } catch (DlmsException e) {
            throw new FrameRejected(
                    RejectionReason.UNEXPECTED_CONTENT, "meter " + meter.meterId() + ": " + e.getMessage());
        }
        return toReadings(meter, layout, buffer);
    }

    private static Map<Channel, List<IntervalReading>> toReadings(
            RegisteredMeter meter, ProfileLayout layout, ProfileBuffer buffer) {
        IntervalGrid grid = new IntervalGrid(layout.capturePeriod());
        Map<Channel, List<IntervalReading>> readings = new EnumMap<>(Channel.class);
        List<CaptureObject> objects = layout.captureObjects();
        for (int column = 1; column < objects.size(); column++) {
            CaptureObject object = objects.get(column);
            Channel channel = MeterModels.channelOf(object.obis()).orElse(null);
            if (channel == null) {
                continue;
            }
            List<IntervalReading> values = new ArrayList<>(buffer.size());
            for (int row = 0; row < buffer.size(); row++) {
                Instant start = buffer.capturedAt(row).minus(layout.capturePeriod());
                if (!grid.isAligned(start)) {
                    throw new FrameRejected(
                            RejectionReason.UNEXPECTED_CONTENT,
                            "meter " + meter.meterId()
                                    + " captured an interval at " + buffer.capturedAt(row) + ", off its "
                                    + layout.capturePeriod() + " grid");
                }
                values.add(new IntervalReading(
                        start, scaled(buffer.value(row, column - 1), object, channel), ReadingQuality.RAW));
            }
            readings.put(channel, values);
        }
        return readings;
    }

    private static long scaled(long raw, CaptureObject object, Channel channel) {
        int shift = object.scaler() - channel.powerOfTenMultiplier();
        if (shift < 0) {
            throw new FrameRejected(
                    RejectionReason.UNEXPECTED_CONTENT,
                    "scaler " + object.scaler() + " of " + object.obis() + " is finer than the stored multiplier "
                            + channel.powerOfTenMultiplier());
        }
        return Math.multiplyExact(raw, (long) Math.pow(10, shift));
    }
}
