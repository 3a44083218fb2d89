package org.meterguard.dlms;

import java.util.List;
import java.util.Objects;

/**
 * A decoded push, one of three kinds told apart by the logical name of the pushed object: a load profile, an event
 * log, or a register readout. Each names the device (logical device name, the meter's system title) it claims to come
 * from; comparing it with the ciphering system title is the caller's job.
 */
public sealed interface DecodedPush {
    /** The logical device name in the push body. */
    SystemTitle device();

    /**
     * Entries of load profile 1 ({@link Obis#LOAD_PROFILE_1}).
     *
     * @param device the logical device name
     * @param buffer the entries, in the model's layout
     */
    record LoadProfilePush(SystemTitle device, ProfileBuffer buffer) implements DecodedPush {
        public LoadProfilePush {
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(buffer, "buffer");
        }
    }

    /**
     * Entries of an event log.
     *
     * @param device the logical device name
     * @param log {@link Obis#STANDARD_EVENT_LOG} or {@link Obis#POWER_FAILURE_EVENT_LOG}
     * @param events the entries in the order pushed; copied
     */
    record EventLogPush(SystemTitle device, Obis log, List<MeterEvent> events) implements DecodedPush {
        public EventLogPush {
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(log, "log");
            events = List.copyOf(events);
        }
    }

    /**
     * Register values read out ({@link Obis#REGISTER_READOUT}).
     *
     * @param device the logical device name
     * @param values the values in the order pushed; copied
     */
    record RegisterPush(SystemTitle device, List<RegisterValue> values) implements DecodedPush {
        public RegisterPush {
            Objects.requireNonNull(device, "device");
            values = List.copyOf(values);
        }
    }
}
