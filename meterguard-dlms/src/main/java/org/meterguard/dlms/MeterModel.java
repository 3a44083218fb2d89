package org.meterguard.dlms;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a head-end knows about a meter model, and checks every push against: the layout of its load profile, the event
 * logs it pushes and the registers it reads out.
 *
 * @param name the model's name, not blank
 * @param loadProfile the layout of load profile 1 ({@link Obis#LOAD_PROFILE_1})
 * @param eventLogs the event log objects it pushes, each {@link Obis#STANDARD_EVENT_LOG} or
 *     {@link Obis#POWER_FAILURE_EVENT_LOG}; copied
 * @param registers the registers it pushes through {@link Obis#REGISTER_READOUT}, without duplicates; copied
 */
public record MeterModel(String name, ProfileLayout loadProfile, Set<Obis> eventLogs, List<Obis> registers) {
    public MeterModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(loadProfile, "loadProfile");
        eventLogs = Set.copyOf(Objects.requireNonNull(eventLogs, "eventLogs"));
        registers = List.copyOf(Objects.requireNonNull(registers, "registers"));
        if (name.isBlank()) {
            throw new IllegalArgumentException("a meter model needs a name");
        }
        for (Obis log : eventLogs) {
            if (!log.equals(Obis.STANDARD_EVENT_LOG) && !log.equals(Obis.POWER_FAILURE_EVENT_LOG)) {
                throw new IllegalArgumentException("event log " + log + " of model " + name + " is neither the"
                        + " standard (0.0.99.98.0.255) nor the power failure (0.0.99.97.0.255) event log");
            }
        }
        if (Set.copyOf(registers).size() != registers.size()) {
            throw new IllegalArgumentException("model " + name + " lists a register twice: " + registers);
        }
    }

    /** Whether this model pushes {@code log}. */
    public boolean pushesEventLog(Obis log) {
        return eventLogs.contains(log);
    }

    /** Whether this model reads out {@code register}. */
    public boolean readsRegister(Obis register) {
        return registers.contains(register);
    }
}
