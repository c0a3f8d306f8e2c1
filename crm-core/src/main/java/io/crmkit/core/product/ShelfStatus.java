package io.crmkit.core.product;

/** Whether a product can be sold now (上架) or not (下架). */
public enum ShelfStatus {
    /** On sale (上架). */
    ON_SHELF,
    /** Withdrawn from sale (下架); existing quotes and orders keep it. */
    OFF_SHELF
}
