package io.crmkit.rules.account;

import io.crmkit.core.account.AccountId;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.pool.PoolId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A return of an account to a public pool (退回公海), as {@link AccountPoolCommands#returnToPool} takes it.
 *
 * @param account the account to return
 * @param reason why it is returned, required, at most {@value #MAX_REASON} characters; stored stripped
 * @param target the pool to return it to, or null for its pool of origin
 */
record AccountReturn(
        AccountId account,
        @NotBlank @Size(max = AccountReturn.MAX_REASON) String reason,
        PoolId target) {
    /** Longest reason. */
    static final int MAX_REASON = 1000;

    /**
     * Checks the structure; the reason's presence and length are content rules for
     * {@link io.crmkit.core.validation.CrmValidation}.
     *
     * @throws io.crmkit.core.error.ValidationException if the account is missing
     */
    AccountReturn {
        Checks.required("account", account);
        reason = Checks.optionalText("reason", reason, Integer.MAX_VALUE);
    }
}
