package org.meterguard.core.privacy;

import java.util.List;
import java.util.Objects;

/**
 * What a version of the notice says: the official to contact, each category of covered information with its
 * purposes, what is disclosed to whom, and how a customer can limit it.
 */
public record NoticeContent(
        PrivacyOfficial official,
        List<InformationCategory> categories,
        List<NoticeDisclosure> disclosures,
        String howToLimit) {
    public NoticeContent {
        Objects.requireNonNull(official, "official");
        categories = List.copyOf(Objects.requireNonNull(categories, "categories"));
        disclosures = List.copyOf(Objects.requireNonNull(disclosures, "disclosures"));
        howToLimit = Text.required("how a customer can limit collection, use and disclosure", howToLimit);
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("a privacy notice needs at least one category of covered information");
        }
    }
}
