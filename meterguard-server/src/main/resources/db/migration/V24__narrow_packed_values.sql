-- Interval values packed narrow: a day row whose values all fit in 16 bits (almost every row of 15-minute Wh) keeps
-- them as 2-byte integers after a leading 0x02, an odd length that tells it from V6's 4-byte form (always a multiple
-- of four); -32768 marks a missing slot. Half the values' bytes in the table, its write-ahead log and every read.
-- Rows already stored stay as they are; readers take both forms (org.meterguard.server.database.PackedSlots).
--
--   narrow:  0x02 | slot 0 (int16, big-endian) | ... | slot n-1          n = (length - 1) / 2
--   wide:    slot 0 (int32, big-endian) | ... | slot n-1                  n = length / 4

CREATE OR REPLACE FUNCTION mg_unpack(packed bytea) RETURNS integer[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT CASE WHEN length(packed) % 2 = 1 THEN
               (SELECT array_agg(NULLIF(u - CASE WHEN u >= 32768 THEN 65536 ELSE 0 END, -32768) ORDER BY i)
                  FROM generate_series(0, (length(packed) - 1) / 2 - 1) AS i,
                       LATERAL (SELECT (get_byte(packed, 1 + 2 * i) << 8) | get_byte(packed, 2 + 2 * i)) AS s(u))
           ELSE
               (SELECT array_agg(NULLIF(('x' || encode(substring(packed FROM i * 4 + 1 FOR 4), 'hex'))::bit(32)::integer,
                                        -2147483648) ORDER BY i)
                  FROM generate_series(0, length(packed) / 4 - 1) AS i)
           END
$$;
