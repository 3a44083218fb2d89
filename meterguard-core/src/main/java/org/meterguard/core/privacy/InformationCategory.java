package org.meterguard.core.privacy;

/**
 * A category of covered information the utility collects, and the purposes it is used for.
 *
 * @param category e.g. "15-minute energy usage (import and export)"
 * @param purposes e.g. "billing; outage detection and restoration; rate comparisons you ask for"
 */
public record InformationCategory(String category, String purposes) {
    public InformationCategory {
        category = Text.required("a category name", category);
        purposes = Text.required("the purposes of category '" + category + "'", purposes);
    }
}
