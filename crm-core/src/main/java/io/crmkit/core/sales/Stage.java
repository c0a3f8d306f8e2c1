package io.crmkit.core.sales;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.internal.Checks;

/**
 * One open stage of a {@link SalesProcess}, such as {@code PROPOSAL}. Rules match stages by
 * {@link #id()}, never by {@link #name()}, so a tenant may rename a stage freely.
 *
 * @param id the stage's id, unique within its process
 * @param name the display name, 1 to 100 characters (stripped)
 * @param winRatePercent the default win rate of an opportunity in this stage, a whole percentage
 *     from 0 to 100
 */
public record Stage(StageId id, String name, int winRatePercent) {
    /** Longest stage name. */
    public static final int MAX_NAME = 100;

    /**
     * Validates the stage.
     *
     * @throws io.crmkit.core.error.ValidationException with {@link ErrorCode#FIELD_REQUIRED} for a missing id or name, or
     *     {@link ErrorCode#SALES_PROCESS_INVALID} for a win rate outside 0..100
     */
    public Stage {
        Checks.required("id", id);
        name = Checks.text("name", name, MAX_NAME);
        if (winRatePercent < 0 || winRatePercent > 100) {
            throw SalesProcess.invalid("winRatePercent", "win-rate", id, winRatePercent);
        }
    }

    /** The stage with id {@code id}, display name {@code name} and default win rate {@code winRatePercent}. */
    public static Stage of(String id, String name, int winRatePercent) {
        return new Stage(StageId.of(id), name, winRatePercent);
    }
}
