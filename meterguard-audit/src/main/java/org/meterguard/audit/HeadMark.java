package org.meterguard.audit;

/**
 * A durable signed tree head and where its record ends: an export of the log up to the head copies the segments up
 * to {@code segment} and that segment up to {@code endOffset}.
 *
 * @param head the head
 * @param segment the segment holding its record
 * @param endOffset the offset in that segment just after its record
 */
record HeadMark(SignedTreeHead head, Segment segment, long endOffset) {}
