package io.crmkit.core.contact;

/** A contact's gender as the contact gave it. */
public enum Gender {
    /** Male (男). */
    MALE,
    /** Female (女). */
    FEMALE,
    /** Not given (未说明); the default. */
    UNDISCLOSED
}
