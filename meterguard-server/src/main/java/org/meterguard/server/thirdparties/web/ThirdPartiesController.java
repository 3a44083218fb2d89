package org.meterguard.server.thirdparties.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.meterguard.core.PurposeOfUse;
import org.meterguard.core.thirdparty.Breach;
import org.meterguard.core.thirdparty.BreachAssessment;
import org.meterguard.core.thirdparty.Contract;
import org.meterguard.core.thirdparty.ContractStatus;
import org.meterguard.core.thirdparty.CutOff;
import org.meterguard.core.thirdparty.ThirdParty;
import org.meterguard.server.thirdparties.BreachNotice;
import org.meterguard.server.thirdparties.ThirdParties;
import org.meterguard.server.web.BadRequest;
import org.meterguard.server.web.Callers;
import org.meterguard.server.web.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The privacy officer's third-party registry (roles set in the security configuration; reads also for security
 * auditors): {@code POST /api/v1/third-parties}, {@code GET /api/v1/third-parties[/{id}]},
 * {@code POST /api/v1/third-parties/{id}/contracts}, {@code POST /api/v1/third-parties/{id}/contracts/{c}/status},
 * {@code POST /api/v1/third-parties/{id}/breaches} (answers the assessment),
 * {@code GET /api/v1/third-parties/breaches/regulator-notices}, {@code POST /api/v1/third-parties/{id}/cut-off}.
 */
@RestController
class ThirdPartiesController {
    private final ThirdParties registry;

    ThirdPartiesController(ThirdParties registry) {
        this.registry = registry;
    }

    /** A party to register. */
    record Registration(String thirdPartyId, String organization, String contact) {}

    /** A contract to record; {@code expiry} may be absent, {@code status} defaults to ACTIVE. */
    record ContractForm(
            String contractId,
            String terms,
            boolean protectiveTermsConfirmed,
            String effective,
            String expiry,
            String status,
            List<String> allowedPurposes,
            boolean primaryPurposeContractor) {}

    /** A breach to record; {@code reportedByThirdParty} may be absent. */
    record BreachForm(String breachId, String detected, String reportedByThirdParty, int customersAffected) {}

    /** A cut-off's note. */
    record CutOffForm(String note) {}

    /** A contract's new status. */
    record StatusForm(String status) {}

    /** A party with its contracts. */
    record PartyView(ThirdParty party, List<Contract> contracts, List<Breach> breaches) {}

    @PostMapping("/api/v1/third-parties")
    @ResponseStatus(HttpStatus.CREATED)
    ThirdParty register(@RequestBody Registration form, Authentication caller, HttpServletRequest request) {
        ThirdParty party =
                valid(() -> new ThirdParty(form.thirdPartyId(), form.organization(), form.contact(), Optional.empty()));
        return registry.register(party, Callers.actor(caller, request));
    }

    @GetMapping("/api/v1/third-parties")
    List<ThirdParty> all() {
        return registry.all();
    }

    @GetMapping("/api/v1/third-parties/{id}")
    PartyView one(@PathVariable String id) {
        ThirdParty party = registry.find(id).orElseThrow(() -> new NotFound("no third party " + id));
        return new PartyView(party, registry.contracts(id), registry.breaches(id));
    }

    @PostMapping("/api/v1/third-parties/{id}/contracts")
    @ResponseStatus(HttpStatus.CREATED)
    Contract contract(
            @PathVariable String id,
            @RequestBody ContractForm form,
            Authentication caller,
            HttpServletRequest request) {
        Contract contract = valid(() -> new Contract(
                form.contractId(),
                id,
                form.terms(),
                form.protectiveTermsConfirmed(),
                day("effective", form.effective()),
                Optional.ofNullable(form.expiry()).map(d -> day("expiry", d)),
                form.status() == null ? ContractStatus.ACTIVE : ContractStatus.valueOf(form.status()),
                purposes(form.allowedPurposes()),
                form.primaryPurposeContractor()));
        return registry.addContract(contract, Callers.actor(caller, request));
    }

    @PostMapping("/api/v1/third-parties/{id}/contracts/{contractId}/status")
    Contract status(
            @PathVariable String id,
            @PathVariable String contractId,
            @RequestBody StatusForm form,
            Authentication caller,
            HttpServletRequest request) {
        ContractStatus status = valid(() -> ContractStatus.valueOf(String.valueOf(form.status())));
        return registry.changeContractStatus(contractId, status, Callers.actor(caller, request));
    }

    @PostMapping("/api/v1/third-parties/{id}/breaches")
    @ResponseStatus(HttpStatus.CREATED)
    BreachAssessment breach(
            @PathVariable String id, @RequestBody BreachForm form, Authentication caller, HttpServletRequest request) {
        Breach breach = valid(() -> new Breach(
                form.breachId(),
                id,
                day("detected", form.detected()),
                Optional.ofNullable(form.reportedByThirdParty()).map(d -> day("reportedByThirdParty", d)),
                form.customersAffected()));
        return registry.recordBreach(breach, Callers.actor(caller, request));
    }

    @GetMapping("/api/v1/third-parties/breaches/regulator-notices")
    List<BreachNotice> notices() {
        return registry.regulatorNotices();
    }

    @PostMapping("/api/v1/third-parties/{id}/cut-off")
    CutOff cutOff(
            @PathVariable String id, @RequestBody CutOffForm form, Authentication caller, HttpServletRequest request) {
        return registry.cutOff(id, form.note(), Callers.actor(caller, request));
    }

    private static <T> T valid(Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new BadRequest(e.getMessage() == null ? "a required field is missing" : e.getMessage());
        }
    }

    private static LocalDate day(String name, String text) {
        if (text == null) {
            throw new BadRequest("missing " + name + " (a date such as 2026-01-31)");
        }
        return BadRequest.parse(name, text, t -> {
            try {
                return LocalDate.parse(t);
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("'" + t + "' is not a date such as 2026-01-31");
            }
        });
    }

    private static Set<PurposeOfUse> purposes(List<String> names) {
        Set<PurposeOfUse> purposes = EnumSet.noneOf(PurposeOfUse.class);
        for (String name : names == null ? List.<String>of() : names) {
            purposes.add(PurposeOfUse.valueOf(name));
        }
        return purposes;
    }
}
