package org.meterguard.core.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/** One step of a retention plan. */
public sealed interface RetentionAction {
    /** The category whose data the step removes. */
    DataCategory category();

    /** What the step does, for the dry-run report and the audit log. */
    String describe();

    /**
     * Drop a whole month partition: every category it holds has expired.
     *
     * @param table the partitioned table, e.g. interval_day
     */
    record DropPartition(DataCategory category, String table, YearMonth month) implements RetentionAction {
        public DropPartition {
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(month, "month");
        }

        /** The partition's name. */
        public String partition() {
            return table + "_" + month.getYear() + "_" + String.format("%02d", month.getMonthValue());
        }

        @Override
        public String describe() {
            return "drop partition " + partition() + " (" + category + ", all of " + month + ")";
        }
    }

    /**
     * Delete one category's rows before a day from a month partition that other categories still need (a rewrite
     * of that partition).
     */
    record DeleteRows(DataCategory category, String table, YearMonth month, LocalDate before)
            implements RetentionAction {
        public DeleteRows {
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(month, "month");
            Objects.requireNonNull(before, "before");
        }

        @Override
        public String describe() {
            return "delete " + category + " rows of " + table + " for " + month + " before " + before;
        }
    }

    /** Crypto-shred the personal information of accounts closed before {@code closedBefore}. */
    record ShredAccounts(Instant closedBefore) implements RetentionAction {
        public ShredAccounts {
            Objects.requireNonNull(closedBefore, "closedBefore");
        }

        @Override
        public DataCategory category() {
            return DataCategory.PERSONAL_INFORMATION;
        }

        @Override
        public String describe() {
            return "crypto-shred personal information of accounts closed before " + closedBefore;
        }
    }

    /** Delete the head-end's records of frames received before {@code before}. */
    record DeleteReceivedFrames(Instant before) implements RetentionAction {
        public DeleteReceivedFrames {
            Objects.requireNonNull(before, "before");
        }

        @Override
        public DataCategory category() {
            return DataCategory.RECEIVED_FRAMES;
        }

        @Override
        public String describe() {
            return "delete received-frame records before " + before;
        }
    }
}
