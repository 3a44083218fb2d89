package org.meterguard.core.privacy;

/**
 * The official a customer contacts about their privacy: a title (never a person's name, which changes) and the
 * ways to reach the office.
 */
public record PrivacyOfficial(String title, String email, String postalAddress, String phone) {
    public PrivacyOfficial {
        title = Text.required("the privacy official's title", title);
        email = Text.required("the privacy official's email", email);
        postalAddress = Text.required("the privacy official's postal address", postalAddress);
        phone = Text.required("the privacy official's phone", phone);
        if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new IllegalArgumentException("invalid privacy official email '" + email + "'");
        }
    }
}
