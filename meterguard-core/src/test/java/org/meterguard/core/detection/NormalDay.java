package org.meterguard.core.detection;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * A synthetic normal working day of a utility's staff, as audit records: representatives answering customers'
 * calls (each read names the request), billing analysts checking bills, field technicians on their work orders,
 * the control room's operators around the clock, a privacy officer answering a legal demand, sign-ins with the
 * odd typo, an occasional refused read, a few exports, and system jobs. Deterministic for a seed.
 */
final class NormalDay {
    static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    static final int CUSTOMERS = 5_000;

    private record Event(
            Instant at,
            String actor,
            String role,
            String action,
            String subject,
            String purpose,
            String basis,
            String decision) {}

    private final Random random;
    private final LocalDate day;
    private final List<Event> events = new ArrayList<>();

    private NormalDay(long seed, LocalDate day) {
        this.random = new Random(seed);
        this.day = day;
    }

    /** The day's records, in time order, leaf indexes from {@code firstSeq}. */
    static List<AccessRecord> of(long seed, LocalDate day, long firstSeq) {
        NormalDay normal = new NormalDay(seed, day);
        normal.staff();
        normal.events.sort(Comparator.comparing(Event::at));
        List<AccessRecord> records = new ArrayList<>();
        long seq = firstSeq;
        for (Event e : normal.events) {
            records.add(new AccessRecord(
                    seq++,
                    e.at(),
                    e.actor(),
                    e.role(),
                    e.action(),
                    e.subject(),
                    e.purpose(),
                    e.basis(),
                    e.decision(),
                    "10.1.0." + Math.floorMod(e.actor().hashCode(), 200)));
        }
        return records;
    }

    private void staff() {
        for (int i = 0; i < 6; i++) {
            representative("csr" + i);
        }
        for (int i = 0; i < 3; i++) {
            analyst("billing" + i);
        }
        for (int i = 0; i < 4; i++) {
            technician("tech" + i);
        }
        for (int shift = 0; shift < 3; shift++) {
            operator("operator" + shift, LocalTime.of(shift * 8, 0));
        }
        String officer = "privacy0";
        Instant at = time(LocalTime.of(10, 30));
        signIn(officer, "PRIVACY_OFFICER", at);
        for (int i = 0; i < 2; i++) {
            events.add(read(
                    at.plusSeconds(60L * (i + 1)),
                    officer,
                    "PRIVACY_OFFICER",
                    customer(),
                    "LEGAL_REQUIREMENT",
                    "LD-2026-17"));
        }
        for (int i = 0; i < 40; i++) {
            events.add(new Event(
                    time(LocalTime.of(2, 0)).plusSeconds(i),
                    "vee",
                    "SYSTEM",
                    "estimate",
                    "meter:MG-" + random.nextInt(CUSTOMERS),
                    "DATA_QUALITY",
                    "",
                    "EXECUTED"));
        }
    }

    private void representative(String name) {
        Instant start = time(LocalTime.of(8, random.nextInt(20)));
        signIn(name, "CUSTOMER_SERVICE_REPRESENTATIVE", start);
        Instant end = time(LocalTime.of(17, 0));
        Instant at = start.plusSeconds(120);
        while (at.isBefore(end)) {
            String request = "REQ-" + random.nextInt(1_000_000);
            String account = customer();
            int reads = 1 + random.nextInt(3);
            for (int r = 0; r < reads; r++) {
                events.add(read(
                        at.plusSeconds(30L * r),
                        name,
                        "CUSTOMER_SERVICE_REPRESENTATIVE",
                        account,
                        "CUSTOMER_SERVICE",
                        request));
            }
            if (random.nextInt(40) == 0) { // forgot the request number once; refused, then retried with it
                events.add(refused(
                        at.minusSeconds(20), name, "CUSTOMER_SERVICE_REPRESENTATIVE", account, "CUSTOMER_SERVICE"));
            }
            at = at.plus(Duration.ofMinutes(5 + random.nextInt(6)));
        }
    }

    private void analyst(String name) {
        Instant start = time(LocalTime.of(9, random.nextInt(30)));
        signIn(name, "BILLING_ANALYST", start);
        Instant end = time(LocalTime.of(17, 30));
        Instant at = start.plusSeconds(300);
        while (at.isBefore(end)) {
            events.add(read(at, name, "BILLING_ANALYST", customer(), "BILLING", ""));
            at = at.plus(Duration.ofMinutes(4 + random.nextInt(8)));
        }
        for (int i = 0; i < 2; i++) {
            events.add(new Event(
                    time(LocalTime.of(11 + 3 * i, 15)),
                    name,
                    "BILLING_ANALYST",
                    "export-determinants",
                    "",
                    "BILLING",
                    "",
                    "PERMIT"));
        }
    }

    private void technician(String name) {
        Instant start = time(LocalTime.of(7, 30 + random.nextInt(20)));
        signIn(name, "FIELD_TECHNICIAN", start);
        Instant at = start.plus(Duration.ofMinutes(20));
        for (int job = 0; job < 6; job++) {
            String order = "WO-" + random.nextInt(100_000);
            String meter = "meter:MG-" + random.nextInt(CUSTOMERS);
            events.add(read(at, name, "FIELD_TECHNICIAN", meter, "GRID_OPERATIONS", order));
            events.add(new Event(
                    at.plusSeconds(60),
                    name,
                    "FIELD_TECHNICIAN",
                    "read-diagnostics",
                    meter,
                    "GRID_OPERATIONS",
                    order,
                    "PERMIT"));
            at = at.plus(Duration.ofMinutes(60 + random.nextInt(30)));
        }
    }

    private void operator(String name, LocalTime shiftStart) {
        Instant start = time(shiftStart);
        signIn(name, "GRID_OPERATOR", start);
        for (int hour = 0; hour < 8; hour++) {
            int reads = 2 + random.nextInt(9);
            for (int r = 0; r < reads; r++) {
                Instant at = start.plus(Duration.ofMinutes(hour * 60L + random.nextInt(60)));
                events.add(read(
                        at, name, "GRID_OPERATOR", "meter:MG-" + random.nextInt(CUSTOMERS), "GRID_OPERATIONS", ""));
            }
            events.add(new Event(
                    start.plus(Duration.ofMinutes(hour * 60L + 30)),
                    name,
                    "GRID_OPERATOR",
                    "read-reliability",
                    "area:feeder:F-" + random.nextInt(40),
                    "GRID_OPERATIONS",
                    "",
                    "PERMIT"));
        }
    }

    private void signIn(String name, String role, Instant at) {
        if (random.nextInt(4) == 0) { // a typo first
            events.add(new Event(at.minusSeconds(15), name, "", "sign-in", "user:" + name, "", "", "DENY"));
        }
        events.add(new Event(at, name, role, "sign-in", "user:" + name, "", "", "PERMIT"));
    }

    private String customer() {
        return "account:A-" + random.nextInt(CUSTOMERS);
    }

    private Instant time(LocalTime local) {
        return day.atTime(local).atZone(ZONE).toInstant();
    }

    private static Event read(Instant at, String actor, String role, String subject, String purpose, String basis) {
        return new Event(at, actor, role, "read-interval-data", subject, purpose, basis, "PERMIT");
    }

    private static Event refused(Instant at, String actor, String role, String subject, String purpose) {
        return new Event(at, actor, role, "read-interval-data", subject, purpose, "", "DENY");
    }
}
