package org.meterguard.server.access.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.meterguard.core.StaffRole;
import org.meterguard.server.access.Actor;
import org.meterguard.server.access.ServiceAccounts;
import org.meterguard.server.access.ServiceCredentials;
import org.meterguard.server.access.SignedInUser;
import org.meterguard.server.access.StaffAccounts;
import org.meterguard.server.access.UserNotFound;
import org.meterguard.server.access.internal.ClientAddress;
import org.meterguard.server.web.BadRequest;
import org.meterguard.server.web.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * User administration for administrators: staff accounts (create with a role, change role, disable, reset the
 * second factor) and service accounts. Every change is audited; an administrator cannot change their own account.
 */
@RestController
class UserAdministrationController {
    private final StaffAccounts staff;
    private final ServiceAccounts services;

    UserAdministrationController(StaffAccounts staff, ServiceAccounts services) {
        this.staff = staff;
        this.services = services;
    }

    /** A new staff account: its name, initial password and role. */
    record NewStaff(String username, String password, String role) {}

    /** A role to give. */
    record RoleChange(String role) {}

    /** A new service account: its client id, role and scopes. */
    record NewServiceAccount(String clientId, String role, Set<String> scopes) {}

    @GetMapping("/api/v1/users")
    List<StaffAccounts.StaffMember> list() {
        return staff.list();
    }

    @PostMapping("/api/v1/users")
    @ResponseStatus(HttpStatus.CREATED)
    StaffAccounts.StaffMember create(
            @RequestBody NewStaff body, @AuthenticationPrincipal SignedInUser admin, HttpServletRequest request) {
        if (body.password() == null || body.password().length() < 12) {
            throw new BadRequest("the initial password must be at least 12 characters");
        }
        StaffRole role = role(body.role());
        return checked(() -> {
            staff.create(body.username(), body.password(), role, actor(admin, request));
            return staff.find(body.username()).orElseThrow();
        });
    }

    @PutMapping("/api/v1/users/{username}/role")
    StaffAccounts.StaffMember changeRole(
            @PathVariable String username,
            @RequestBody RoleChange body,
            @AuthenticationPrincipal SignedInUser admin,
            HttpServletRequest request) {
        StaffRole role = role(body.role());
        return checked(() -> {
            staff.changeRole(username, role, actor(admin, request));
            return staff.find(username).orElseThrow();
        });
    }

    @PostMapping("/api/v1/users/{username}/disable")
    StaffAccounts.StaffMember disable(
            @PathVariable String username, @AuthenticationPrincipal SignedInUser admin, HttpServletRequest request) {
        return checked(() -> {
            staff.disable(username, actor(admin, request));
            return staff.find(username).orElseThrow();
        });
    }

    @PostMapping("/api/v1/users/{username}/totp-reset")
    StaffAccounts.StaffMember resetTotp(
            @PathVariable String username, @AuthenticationPrincipal SignedInUser admin, HttpServletRequest request) {
        return checked(() -> {
            staff.resetTotp(username, actor(admin, request));
            return staff.find(username).orElseThrow();
        });
    }

    @PostMapping("/api/v1/service-accounts")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> registerService(
            @RequestBody NewServiceAccount body,
            @AuthenticationPrincipal SignedInUser admin,
            HttpServletRequest request) {
        StaffRole role = role(body.role());
        Set<String> scopes = body.scopes() == null ? Set.of() : body.scopes();
        ServiceCredentials credentials =
                checked(() -> services.register(body.clientId(), role, scopes, actor(admin, request)));
        return Map.of(
                "clientId",
                credentials.clientId(),
                "clientSecret",
                credentials.secret(),
                "tokenEndpoint",
                "/oauth2/token",
                "note",
                "the secret is shown this once");
    }

    private static StaffRole role(String name) {
        if (name == null) {
            throw new BadRequest("missing role; one of " + java.util.Arrays.toString(StaffRole.values()));
        }
        return BadRequest.parse("role", name, StaffRole::valueOf);
    }

    private static Actor actor(SignedInUser admin, HttpServletRequest request) {
        return new Actor(admin.getUsername(), admin.role(), ClientAddress.of(request));
    }

    private static <T> T checked(Supplier<T> change) {
        try {
            return change.get();
        } catch (UserNotFound e) {
            throw new NotFound(e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new BadRequest(e.getMessage());
        }
    }
}
