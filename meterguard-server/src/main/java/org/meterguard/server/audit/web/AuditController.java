package org.meterguard.server.audit.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.time.Instant;
import java.util.List;
import org.meterguard.audit.AuditJournal;
import org.meterguard.audit.JournalExport;
import org.meterguard.audit.SignedTreeHead;
import org.meterguard.server.audit.AuditLog;
import org.meterguard.server.audit.internal.AuditEntryView;
import org.meterguard.server.audit.internal.AuditQueries;
import org.meterguard.server.audit.internal.EntryQuery;
import org.meterguard.server.web.BadRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The security auditor's view of the audit log; reads only (nothing can alter or delete an entry), each recorded
 * in the log itself:
 *
 * <ul>
 *   <li>{@code GET /api/v1/audit/tree-head}: the latest signed tree head
 *   <li>{@code GET /api/v1/audit/tree-heads?fromSize&limit}: the history of signed heads
 *   <li>{@code GET /api/v1/audit/proofs/inclusion?leafIndex&treeSize}
 *   <li>{@code GET /api/v1/audit/proofs/consistency?oldSize&newSize}
 *   <li>{@code GET /api/v1/audit/public-key}: the Ed25519 key heads verify with, PEM
 *   <li>{@code GET /api/v1/audit/entries?fromIndex&toIndex&from&to&actor&subject&limit}
 *   <li>{@code GET /api/v1/audit/export}: the whole log up to a fresh signed head, streamed, for {@code
 *       AuditVerifyMain}; the head is also in the {@code Audit-Tree-Head} response header
 * </ul>
 */
@RestController
class AuditController {
    static final String HEAD_HEADER = "Audit-Tree-Head";

    private final AuditJournal journal;
    private final AuditQueries queries;
    private final AuditorReads reads;
    private final AuditLog auditLog;

    AuditController(AuditJournal journal, AuditQueries queries, AuditLog auditLog) {
        this.journal = journal;
        this.queries = queries;
        this.auditLog = auditLog;
        this.reads = new AuditorReads(auditLog);
    }

    @GetMapping("/api/v1/audit/tree-head")
    AuditViews.TreeHead latestHead(Authentication caller, HttpServletRequest request) {
        reads.record(caller, request, "read-audit-tree-head", "audit/tree-head", "");
        return AuditViews.TreeHead.of(journal.latestHead().orElseGet(journal::signHeadNow));
    }

    @GetMapping("/api/v1/audit/tree-heads")
    List<AuditViews.TreeHead> heads(
            @RequestParam(defaultValue = "0") long fromSize,
            @RequestParam(defaultValue = "100") int limit,
            Authentication caller,
            HttpServletRequest request) {
        if (limit < 1 || limit > EntryQuery.MAX_LIMIT || fromSize < 0) {
            throw new BadRequest("fromSize must be 0 or more and limit from 1 to " + EntryQuery.MAX_LIMIT);
        }
        reads.record(caller, request, "read-audit-tree-heads", "audit/tree-heads", "fromSize=" + fromSize);
        auditLog.awaitProjected();
        return queries.treeHeads(fromSize, limit).stream()
                .map(AuditViews.TreeHead::of)
                .toList();
    }

    @GetMapping("/api/v1/audit/proofs/inclusion")
    AuditViews.Inclusion inclusion(
            @RequestParam long leafIndex,
            @RequestParam long treeSize,
            Authentication caller,
            HttpServletRequest request) {
        reads.record(
                caller,
                request,
                "read-audit-inclusion-proof",
                "audit/proofs/inclusion",
                "leafIndex=" + leafIndex + " treeSize=" + treeSize);
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new BadRequest("leafIndex " + leafIndex + " must be from 0 to treeSize - 1 (" + (treeSize - 1) + ")");
        }
        return BadRequest.parse(
                "treeSize",
                String.valueOf(treeSize),
                x -> AuditViews.Inclusion.of(journal.leafHash(leafIndex), journal.inclusionProof(leafIndex, treeSize)));
    }

    @GetMapping("/api/v1/audit/proofs/consistency")
    AuditViews.Consistency consistency(
            @RequestParam long oldSize, @RequestParam long newSize, Authentication caller, HttpServletRequest request) {
        reads.record(
                caller,
                request,
                "read-audit-consistency-proof",
                "audit/proofs/consistency",
                "oldSize=" + oldSize + " newSize=" + newSize);
        if (oldSize < 1 || oldSize > newSize) {
            throw new BadRequest("oldSize " + oldSize + " must be from 1 to newSize " + newSize);
        }
        return BadRequest.parse(
                "newSize",
                String.valueOf(newSize),
                x -> AuditViews.Consistency.of(journal.consistencyProof(oldSize, newSize)));
    }

    @GetMapping(value = "/api/v1/audit/public-key", produces = "application/x-pem-file")
    String publicKey(Authentication caller, HttpServletRequest request) {
        reads.record(caller, request, "read-audit-public-key", "audit/public-key", "");
        return journal.publicKey().pem();
    }

    @GetMapping("/api/v1/audit/entries")
    List<AuditEntryView> entries(
            @RequestParam(required = false) Long fromIndex,
            @RequestParam(required = false) Long toIndex,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String subject,
            @RequestParam(defaultValue = "100") int limit,
            Authentication caller,
            HttpServletRequest request) {
        EntryQuery query = BadRequest.parse(
                "query",
                request.getQueryString(),
                x -> new EntryQuery(fromIndex, toIndex, instant(from), instant(to), actor, subject, limit));
        reads.record(caller, request, "read-audit-entries", "audit/entries", String.valueOf(request.getQueryString()));
        auditLog.awaitProjected();
        return queries.entries(query);
    }

    @GetMapping("/api/v1/audit/export")
    ResponseEntity<StreamingResponseBody> export(Authentication caller, HttpServletRequest request) {
        JournalExport export = journal.export();
        SignedTreeHead head = export.head();
        reads.record(caller, request, "export-audit-log", "audit/export", "treeSize=" + head.treeSize());
        StreamingResponseBody body = out -> {
            WritableByteChannel channel = Channels.newChannel(out);
            try {
                export.writeTo(channel);
            } catch (IOException e) {
                throw new IOException("audit export up to " + head.treeSize() + " entries failed: " + e, e);
            }
        };
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"meterguard-audit-" + head.treeSize() + ".mgaudit\"")
                .header(HEAD_HEADER, java.util.HexFormat.of().formatHex(head.encoded()))
                .body(body);
    }

    private static Instant instant(String text) {
        return text == null || text.isBlank() ? null : Instant.parse(text);
    }
}
