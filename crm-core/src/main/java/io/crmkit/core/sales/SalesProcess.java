package io.crmkit.core.sales;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.error.Violation;
import io.crmkit.core.internal.Checks;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A tenant's sales process (销售流程): the ordered open stages an opportunity moves through, and
 * what moves the tenant allows. Every process ends in the implicit stage {@code CLOSED}, which is
 * not listed in {@link #stages()}: it carries a {@link CloseResult} (WON, LOST or INVALID), and its
 * win rate follows from that result (100, 0 and 0).
 *
 * <p>The moves themselves are in {@link StageMoves}; this value is the configuration they obey.
 * Stages are matched by id, never by name.
 *
 * @param id the process's id
 * @param name the display name, 1 to 200 characters (stripped)
 * @param stages the open stages in order, at least one, with unique ids (win rates need not rise)
 * @param rollbackAllowed whether an open opportunity may move back to an earlier stage
 * @param reopenAllowed whether a closed opportunity may be reopened
 * @param lostReasons the reasons a user picks from when closing as LOST (输单原因); when empty, a
 *     LOST reason is optional free text
 */
public record SalesProcess(
        SalesProcessId id,
        String name,
        List<Stage> stages,
        boolean rollbackAllowed,
        boolean reopenAllowed,
        List<String> lostReasons) {

    /** Longest process name. */
    public static final int MAX_NAME = 200;

    /** Longest lost reason, configured or free text. */
    public static final int MAX_LOST_REASON = 200;

    /** The id of {@link #defaultProcess()}. */
    public static final SalesProcessId DEFAULT_ID = SalesProcessId.of("default");

    private static final SalesProcess DEFAULT = new SalesProcess(
            DEFAULT_ID,
            "Default sales process",
            List.of(
                    Stage.of("VERIFY_CUSTOMER", "Verify customer", 10),
                    Stage.of("CONFIRM_NEEDS", "Confirm needs", 30),
                    Stage.of("PROPOSAL", "Proposal", 50),
                    Stage.of("NEGOTIATION", "Negotiation", 70)),
            true,
            true,
            List.of());

    /**
     * Validates the configuration.
     *
     * @throws ValidationException with {@link ErrorCode#SALES_PROCESS_INVALID} when there are no
     *     stages, two stages share an id, a stage is called {@code CLOSED}, or a lost reason is listed
     *     twice; with {@link ErrorCode#FIELD_REQUIRED} for a missing id, name or blank lost reason
     */
    public SalesProcess {
        Checks.required("id", id);
        name = Checks.text("name", name, MAX_NAME);
        stages = Checks.list("stages", stages);
        if (stages.isEmpty()) {
            throw invalid("stages", "no-stages");
        }
        Set<StageId> seen = new HashSet<>();
        for (Stage stage : stages) {
            if (!seen.add(stage.id())) {
                throw invalid("stages", "duplicate-stage", stage.id());
            }
            if (stage.id().value().toUpperCase(Locale.ROOT).equals(OpportunityStage.CLOSED)) {
                throw invalid("stages", "closed-stage", stage.id());
            }
        }
        List<String> reasons = new ArrayList<>();
        if (lostReasons != null) {
            for (int i = 0; i < lostReasons.size(); i++) {
                String reason = Checks.text("lostReasons[" + i + "]", lostReasons.get(i), MAX_LOST_REASON);
                if (reasons.contains(reason)) {
                    throw invalid("lostReasons", "duplicate-lost-reason", reason);
                }
                reasons.add(reason);
            }
        }
        lostReasons = List.copyOf(reasons);
    }

    /**
     * The default process: {@code VERIFY_CUSTOMER} (10%) → {@code CONFIRM_NEEDS} (30%) →
     * {@code PROPOSAL} (50%) → {@code NEGOTIATION} (70%), then the implicit fifth stage
     * {@code CLOSED}, whose win rate follows its result (WON 100%, LOST 0%, INVALID 0%). Rollback and
     * reopening are allowed; lost reasons are free text.
     */
    public static SalesProcess defaultProcess() {
        return DEFAULT;
    }

    /** A builder with rollback and reopening allowed and no configured lost reasons. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this process's settings, to make a modified copy. */
    public Builder toBuilder() {
        return new Builder()
                .id(id)
                .name(name)
                .stages(stages)
                .rollbackAllowed(rollbackAllowed)
                .reopenAllowed(reopenAllowed)
                .lostReasons(lostReasons);
    }

    /** Whether {@code stageId} is one of this process's open stages. */
    public boolean contains(StageId stageId) {
        return indexOf(stageId) >= 0;
    }

    /** The position of {@code stageId} in {@link #stages()}, or -1 when it is not one of them. */
    public int indexOf(StageId stageId) {
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).id().equals(stageId)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The stage with {@code stageId}.
     *
     * @throws ValidationException with {@link ErrorCode#UNKNOWN_STAGE} when the process has no such stage
     */
    public Stage stage(StageId stageId) {
        int index = indexOf(Checks.required("stageId", stageId));
        if (index < 0) {
            throw unknownStage("stageId", stageId);
        }
        return stages.get(index);
    }

    /** The first stage, where new opportunities start. */
    @JsonIgnore
    public Stage firstStage() {
        return stages.get(0);
    }

    /** The last open stage, from which the only way forward is closing. */
    @JsonIgnore
    public Stage lastStage() {
        return stages.get(stages.size() - 1);
    }

    /**
     * Checks the reason given when closing with {@code result} and returns the reason to store.
     *
     * <p>Only LOST records a reason. When {@link #lostReasons()} is non-empty, LOST requires one of
     * them (exact match after stripping); otherwise any text up to {@value #MAX_LOST_REASON}
     * characters, or none, is accepted.
     *
     * @return the stripped reason for LOST, or {@code null} (no reason given, or not LOST)
     * @throws ValidationException with {@link ErrorCode#FIELD_REQUIRED} when a configured reason is
     *     missing, {@link ErrorCode#FIELD_INVALID} when the reason is not configured or is given for
     *     WON or INVALID, {@link ErrorCode#FIELD_TOO_LONG} for an overlong free-text reason
     */
    public String checkCloseReason(CloseResult result, String reason) {
        Checks.required("result", result);
        String stripped = Checks.optionalText("lostReason", reason, MAX_LOST_REASON);
        if (result != CloseResult.LOST) {
            if (stripped != null) {
                throw ValidationException.of("lostReason", ErrorCode.FIELD_INVALID,
                        "a reason is recorded only when closing as LOST, not " + result);
            }
            return null;
        }
        if (lostReasons.isEmpty()) {
            return stripped;
        }
        if (stripped == null) {
            throw ValidationException.of("lostReason", ErrorCode.FIELD_REQUIRED);
        }
        if (!lostReasons.contains(stripped)) {
            throw ValidationException.of("lostReason", ErrorCode.FIELD_INVALID,
                    "'" + stripped + "' is not one of the configured lost reasons " + lostReasons);
        }
        return stripped;
    }

    /**
     * A {@link ErrorCode#SALES_PROCESS_INVALID} error on {@code field} whose message is the bundle entry
     * {@code sales-process.invalid.<problem>}, so both languages say what to fix.
     */
    static ValidationException invalid(String field, String problem, Object... details) {
        List<Object> args = new ArrayList<>(details.length + 1);
        args.add(field);
        args.addAll(List.of(details));
        return new ValidationException(List.of(new Violation(field, ErrorCode.SALES_PROCESS_INVALID,
                ErrorCode.SALES_PROCESS_INVALID.code() + "." + problem, args)));
    }

    ValidationException unknownStage(String field, StageId stageId) {
        return ValidationException.of(field, ErrorCode.UNKNOWN_STAGE, stageId, id);
    }

    /** Builds a {@link SalesProcess}; {@link #build()} validates. */
    public static final class Builder {
        private SalesProcessId id;
        private String name;
        private List<Stage> stages = List.of();
        private boolean rollbackAllowed = true;
        private boolean reopenAllowed = true;
        private List<String> lostReasons = List.of();

        private Builder() {}

        /** Sets the id. */
        public Builder id(SalesProcessId id) {
            this.id = id;
            return this;
        }

        /** Sets the display name. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Sets the open stages in order. */
        public Builder stages(List<Stage> stages) {
            this.stages = stages;
            return this;
        }

        /** Sets whether moving back to an earlier stage is allowed (default true). */
        public Builder rollbackAllowed(boolean rollbackAllowed) {
            this.rollbackAllowed = rollbackAllowed;
            return this;
        }

        /** Sets whether a closed opportunity may be reopened (default true). */
        public Builder reopenAllowed(boolean reopenAllowed) {
            this.reopenAllowed = reopenAllowed;
            return this;
        }

        /** Sets the reasons to choose from when closing as LOST (default none: free text). */
        public Builder lostReasons(List<String> lostReasons) {
            this.lostReasons = lostReasons;
            return this;
        }

        /**
         * The process.
         *
         * @throws ValidationException as the canonical constructor does
         */
        public SalesProcess build() {
            return new SalesProcess(id, name, stages, rollbackAllowed, reopenAllowed, lostReasons);
        }
    }
}
