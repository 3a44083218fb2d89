package org.meterguard.server.accounts;

import java.util.Objects;
import java.util.Optional;

/**
 * A customer's name, postal address and contact details: personal information, never printed or logged.
 * Email and phone are optional.
 */
public final class Contact {
    private final String name;
    private final String postalAddress;
    private final String email;
    private final String phone;

    public Contact(String name, String postalAddress, String email, String phone) {
        this.name = requireText(name, "name");
        this.postalAddress = requireText(postalAddress, "postal address");
        this.email = email == null || email.isBlank() ? null : email.strip();
        this.phone = phone == null || phone.isBlank() ? null : phone.strip();
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a contact needs a " + what);
        }
        return value.strip();
    }

    public String name() {
        return name;
    }

    public String postalAddress() {
        return postalAddress;
    }

    public Optional<String> email() {
        return Optional.ofNullable(email);
    }

    public Optional<String> phone() {
        return Optional.ofNullable(phone);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Contact c
                && name.equals(c.name)
                && postalAddress.equals(c.postalAddress)
                && Objects.equals(email, c.email)
                && Objects.equals(phone, c.phone);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, postalAddress, email, phone);
    }

    @Override
    public String toString() {
        return "Contact[redacted]";
    }
}
