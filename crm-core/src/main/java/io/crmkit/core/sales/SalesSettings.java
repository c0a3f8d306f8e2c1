package io.crmkit.core.sales;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.NotFoundException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.internal.Checks;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A tenant's sales configuration: its sales processes (stages, win rates, rollback and reopening,
 * lost reasons), which process new opportunities follow by default, the automatic close rules, and
 * the limits a tenant may relax.
 *
 * <p>Nothing here is a constant in code: {@link #defaults()} gives the default process of the domain
 * and the strict limits, and a host changes any part per tenant.
 *
 * @param processes the tenant's sales processes, at least one, ids unique
 * @param defaultProcessId the process new opportunities follow when the caller names none; one of
 *     {@code processes}
 * @param autoCloseRules the automatic close rules, ids unique, each naming one of {@code processes};
 *     a LOST rule's reason must pass its process's {@link SalesProcess#checkCloseReason}
 * @param ordersMayExceedContract whether the orders made from a contract may add up to more than the
 *     contract amount (default false: they may not)
 * @param plansMayExceedTarget whether a payment plan may total more than its order or contract
 *     (default false: it may not)
 */
public record SalesSettings(
        List<SalesProcess> processes,
        SalesProcessId defaultProcessId,
        List<AutoCloseRule> autoCloseRules,
        boolean ordersMayExceedContract,
        boolean plansMayExceedTarget) {

    private static final SalesSettings DEFAULTS = new SalesSettings(
            List.of(SalesProcess.defaultProcess()), SalesProcess.defaultProcess().id(), List.of(), false, false);

    /**
     * Validates the configuration.
     *
     * @throws ValidationException with {@link ErrorCode#SALES_PROCESS_INVALID} when there is no process
     *     or two share an id, {@link ErrorCode#FIELD_INVALID} when the default process or a rule's
     *     process is not configured, a rule id is used twice, a rule names a stage its process does not
     *     have, or a LOST rule's reason is not acceptable to its process
     */
    public SalesSettings {
        processes = Checks.list("processes", processes);
        if (processes.isEmpty()) {
            throw SalesProcess.invalid("processes", "no-processes");
        }
        Set<SalesProcessId> ids = new HashSet<>();
        for (SalesProcess process : processes) {
            if (!ids.add(process.id())) {
                throw SalesProcess.invalid("processes", "duplicate-process", process.id());
            }
        }
        Checks.required("defaultProcessId", defaultProcessId);
        if (!ids.contains(defaultProcessId)) {
            throw ValidationException.of("defaultProcessId", ErrorCode.FIELD_INVALID,
                    "the default process " + defaultProcessId + " is not one of the configured processes " + ids);
        }
        autoCloseRules = Checks.list("autoCloseRules", autoCloseRules);
        Set<String> ruleIds = new HashSet<>();
        for (int i = 0; i < autoCloseRules.size(); i++) {
            AutoCloseRule rule = autoCloseRules.get(i);
            String field = "autoCloseRules[" + i + "]";
            if (!ruleIds.add(rule.id())) {
                throw ValidationException.of(field + ".id", ErrorCode.FIELD_INVALID,
                        "the rule id " + rule.id() + " is used twice");
            }
            SalesProcess process = processes.stream().filter(p -> p.id().equals(rule.salesProcessId()))
                    .findFirst()
                    .orElseThrow(() -> ValidationException.of(field + ".salesProcessId", ErrorCode.FIELD_INVALID,
                            "rule " + rule.id() + " names process " + rule.salesProcessId()
                                    + ", which is not configured"));
            for (StageId stage : rule.stages()) {
                if (!process.contains(stage)) {
                    throw ValidationException.of(field + ".stages", ErrorCode.UNKNOWN_STAGE, stage, process.id());
                }
            }
            process.checkCloseReason(rule.result(), rule.reason());
        }
    }

    /**
     * The defaults: the domain's default process ({@link SalesProcess#defaultProcess()}) as the only
     * and default process, no automatic close rules, and neither orders over a contract nor payment
     * plans over their target allowed.
     */
    public static SalesSettings defaults() {
        return DEFAULTS;
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return DEFAULTS.toBuilder();
    }

    /** A builder holding these settings, to make a changed copy. */
    public Builder toBuilder() {
        return new Builder().processes(processes).defaultProcessId(defaultProcessId).autoCloseRules(autoCloseRules)
                .ordersMayExceedContract(ordersMayExceedContract).plansMayExceedTarget(plansMayExceedTarget);
    }

    /** The process with {@code id}, if configured. */
    public Optional<SalesProcess> findProcess(SalesProcessId id) {
        Checks.required("salesProcessId", id);
        return processes.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /**
     * The process with {@code id}.
     *
     * @throws NotFoundException with record type {@code SalesProcess} when it is not configured
     */
    public SalesProcess process(SalesProcessId id) {
        return findProcess(id).orElseThrow(() -> new NotFoundException("SalesProcess", id.value()));
    }

    /** The process new opportunities follow by default. */
    public SalesProcess defaultProcess() {
        return process(defaultProcessId);
    }

    /** Builds {@link SalesSettings}; {@link #build()} validates. */
    public static final class Builder {
        private List<SalesProcess> processes;
        private SalesProcessId defaultProcessId;
        private List<AutoCloseRule> autoCloseRules;
        private boolean ordersMayExceedContract;
        private boolean plansMayExceedTarget;

        private Builder() {}

        /** Sets the processes. */
        public Builder processes(List<SalesProcess> processes) {
            this.processes = processes;
            return this;
        }

        /** Sets the default process. */
        public Builder defaultProcessId(SalesProcessId defaultProcessId) {
            this.defaultProcessId = defaultProcessId;
            return this;
        }

        /** Sets the processes to exactly {@code process}, which becomes the default. */
        public Builder onlyProcess(SalesProcess process) {
            this.processes = List.of(Checks.required("process", process));
            this.defaultProcessId = process.id();
            return this;
        }

        /** Sets the automatic close rules. */
        public Builder autoCloseRules(List<AutoCloseRule> autoCloseRules) {
            this.autoCloseRules = autoCloseRules;
            return this;
        }

        /** Sets whether orders from a contract may exceed its amount (default false). */
        public Builder ordersMayExceedContract(boolean allowed) {
            this.ordersMayExceedContract = allowed;
            return this;
        }

        /** Sets whether a payment plan may total more than its order or contract (default false). */
        public Builder plansMayExceedTarget(boolean allowed) {
            this.plansMayExceedTarget = allowed;
            return this;
        }

        /**
         * The settings.
         *
         * @throws ValidationException as the canonical constructor does
         */
        public SalesSettings build() {
            return new SalesSettings(processes, defaultProcessId, autoCloseRules, ordersMayExceedContract,
                    plansMayExceedTarget);
        }
    }
}
