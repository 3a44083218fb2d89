package org.meterguard.core.privacy;

/**
 * What covered information is disclosed to whom, and why.
 *
 * @param recipient who receives it, e.g. "contractors operating the meter network"
 * @param information what they receive
 * @param purpose why they receive it
 */
public record NoticeDisclosure(String recipient, String information, String purpose) {
    public NoticeDisclosure {
        recipient = Text.required("a disclosure's recipient", recipient);
        information = Text.required("what is disclosed to " + recipient, information);
        purpose = Text.required("why it is disclosed to " + recipient, purpose);
    }
}
