package io.crmkit.rules.account;

import io.crmkit.core.account.Account;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.activity.ChangeLogEntry;
import io.crmkit.core.condition.ConditionEvaluator;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.NotFoundException;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.identity.Actor;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.pool.Pool;
import io.crmkit.core.pool.PoolRules;
import io.crmkit.core.pool.RecycleRule;
import io.crmkit.rules.internal.CommandContext;
import io.crmkit.rules.internal.RulesContext;
import io.crmkit.spi.Page;
import io.crmkit.spi.PageRequest;
import io.crmkit.spi.approval.ApprovalDecision;
import io.crmkit.spi.approval.ApprovalRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Extension requests (延期申请): the owner of an account in a public pool asks to postpone its
 * recycling; the host's approval workflow decides; an approved request sets
 * {@link Account#recycleDeferredUntil()}, which the recycle sweep honours.
 *
 * <p><b>Request ids.</b> A request's id is {@code <accountId>:<days>:<entryId>}: the account, the
 * days asked, and the id of the {@value #ACTION_REQUEST} change-log entry that recorded the request.
 * So {@link #decide} needs nothing but the decision: it reads the account and days from the id, and
 * requires that entry to exist on the account (a made-up id is refused). With the default 26-character
 * ids this is at most 58 characters; accounts with ids longer than 32 characters cannot ask for
 * extensions (the request id would exceed 64 characters).
 *
 * <p><b>Submission.</b> The request is handed to {@link RulesContext#approvals()} after the
 * transaction that logged it committed, as the gateway contract asks; if the host's gateway fails
 * then, the request stays logged but unsubmitted and the exception reaches the caller, who may ask
 * again.
 */
public final class RecycleExtensions {
    /** Change-log action of {@link #request}. */
    public static final String ACTION_REQUEST = "account.extension-request";
    /** Change-log action of {@link #decide}. */
    public static final String ACTION_DECISION = "account.extension-decision";
    /** The approval kind of an extension request. */
    public static final String KIND = "pool.recycle-extension";
    /** Rule refused when no recycle rule of the account's pool allows extensions. */
    public static final String RULE_NOT_ALLOWED = "pool.extension-not-allowed";
    /** Rule refused when more days are asked than the recycle rule allows; its limit is the maximum. */
    public static final String RULE_TOO_LONG = "pool.extension-too-long";
    /** Longest reason the owner may give. */
    public static final int MAX_REASON = 1000;

    private static final int LOG_PAGE = 200;

    private final RulesContext rules;

    /** Internal: obtained from {@link io.crmkit.rules.Crm}. */
    public RecycleExtensions(RulesContext rules) {
        this.rules = Checks.required("rules", rules);
    }

    /**
     * The owner asks to postpone the recycling of {@code account} by {@code days}: logs
     * {@value #ACTION_REQUEST} (pool as context, the reason as "N days: reason") and, after commit,
     * submits an {@link ApprovalRequest} of kind {@value #KIND} with details {@code days} and
     * {@code reason}. Allowed only where the recycle rule that applies to the account (the first
     * rule of its pool whose condition matches) has {@link RecycleRule#extensionAllowed()}.
     *
     * @param days the extension asked for, 1 to the rule's {@link RecycleRule#maxExtensionDays()}
     * @param reason why, at most {@value #MAX_REASON} characters, or null
     * @return the request's id, which the host's decision names
     * @throws NotFoundException if the tenant has no such account
     * @throws io.crmkit.core.error.ForbiddenException unless the actor owns the account
     * @throws ValidationException on {@code days} (not 1 to {@value PoolRules#MAX_DAYS}) or
     *     {@code reason} (too long)
     * @throws RuleViolationException {@value #RULE_NOT_ALLOWED} if the account is in no pool, no
     *     recycle rule applies to it, or the rule allows no extension; {@value #RULE_TOO_LONG} with the
     *     rule's maximum as limit; {@code account.voided} or {@code account.locked}
     */
    public String request(Actor actor, AccountId account, int days, String reason) {
        Checks.required("account", account);
        ApprovalRequest request = rules.command(actor, cmd -> {
            Account found = AccountAccess.load(cmd, account);
            if (found.owner() == null || !cmd.actorIs(found.owner())) {
                throw cmd.forbidden(ACTION_REQUEST, "only the account's owner may ask to postpone its recycling");
            }
            Checks.range("days", days, 1, PoolRules.MAX_DAYS);
            String checked = Checks.optionalText("reason", reason, MAX_REASON);
            AccountAccess.requireChangeable(found, "asking for an extension");
            RecycleRule rule = applicableRule(cmd, found);
            if (rule == null || !rule.extensionAllowed()) {
                throw new RuleViolationException(RULE_NOT_ALLOWED, null, "no recycle rule of the pool of account "
                        + found.id() + " allows extensions");
            }
            if (days > rule.maxExtensionDays()) {
                throw new RuleViolationException(RULE_TOO_LONG, rule.maxExtensionDays(), "recycle rule '"
                        + rule.id() + "' allows extensions of at most " + rule.maxExtensionDays() + " days");
            }
            ChangeLogEntry entry = cmd.log(AccountAccess.ref(found), AccountAccess.poolContext(found), ACTION_REQUEST,
                    found, found, days + " days" + (checked == null ? "" : ": " + checked));
            String id = found.id().value() + ":" + days + ":" + entry.id().value();
            Map<String, String> details = new LinkedHashMap<>();
            details.put("days", Integer.toString(days));
            details.put("rule", rule.id());
            if (checked != null) {
                details.put("reason", checked);
            }
            return new ApprovalRequest(id, cmd.tenant(), KIND, AccountAccess.ref(found), cmd.actor().userId(),
                    details, cmd.now());
        });
        rules.approvals().submit(request);
        return request.id();
    }

    /**
     * Applies the host's decision on a request made by {@link #request}, as the decider (entry
     * {@value #ACTION_DECISION}, reason {@code "request <id> approved: N days"} or {@code "... rejected"},
     * plus the comment). Approved: {@code recycleDeferredUntil} becomes the later of its current value
     * and {@code decidedAt} plus the granted days (the decision's {@code days}, else the days asked),
     * counted in calendar days of the tenant's zone, unless the account changed hands since the
     * request (then the extension, asked by the former owner, no longer applies and only the decision
     * is logged). Rejected: nothing changes but the log. Deciding a request again changes nothing and
     * returns the account as it is, also when two deliveries of one decision run at the same moment
     * (they take the same transaction lock, named after the request). The decision is applied
     * whatever the account's lock or bin state.
     *
     * @return the account after the decision
     * @throws ValidationException on {@code requestId} if it is not an extension request's id, or on
     *     {@code granted.days} if it is not 1 to {@value PoolRules#MAX_DAYS}
     * @throws NotFoundException if the account, or the request on it, does not exist in the tenant
     */
    public Account decide(ApprovalDecision decision) {
        Checks.required("decision", decision);
        RequestId id = RequestId.parse(decision.requestId());
        int granted = grantedDays(decision, id.days());
        Actor decider = Actor.of(decision.tenantId(), decision.decidedBy());
        return rules.command(decider, cmd -> {
            // Two deliveries of one decision at once: the second waits, then finds the first's entry.
            cmd.tx().lock("account-extension:" + decision.requestId());
            Account before = AccountAccess.load(cmd, id.account());
            ChangeLogEntry requested = null;
            String prefix = "request " + decision.requestId() + " ";
            PageRequest pageRequest = PageRequest.first(LOG_PAGE);
            while (true) {
                Page<ChangeLogEntry> page = cmd.tx().changeLog().ofRecord(cmd.tenant(), AccountAccess.ref(before), pageRequest);
                for (ChangeLogEntry entry : page.items()) {
                    if (entry.action().equals(ACTION_DECISION) && entry.reason() != null
                            && entry.reason().startsWith(prefix)) {
                        return before;
                    }
                    if (entry.action().equals(ACTION_REQUEST) && entry.id().value().equals(id.entry())) {
                        requested = entry;
                    }
                }
                if (!page.hasNext()) {
                    break;
                }
                pageRequest = pageRequest.next(page);
            }
            if (requested == null) {
                throw new NotFoundException("APPROVAL_REQUEST", decision.requestId());
            }
            String comment = decision.comment() == null ? "" : "; " + decision.comment();
            Account after = before;
            String reason;
            if (decision.approved()) {
                reason = prefix + "approved: " + granted + " days" + comment;
                boolean sameOwnership = requested.actor().equals(before.owner()) && before.ownedSince() != null
                        && !before.ownedSince().isAfter(requested.at());
                if (sameOwnership) {
                    Instant until = decision.decidedAt().atZone(cmd.settings().zone()).plusDays(granted).toInstant();
                    Instant current = before.recycleDeferredUntil();
                    if (current == null || until.isAfter(current)) {
                        after = cmd.tx().accounts().update(before.toBuilder().recycleDeferredUntil(until)
                                .updatedAt(cmd.now()).build());
                    }
                } else {
                    reason = reason + "; not applied: the account changed hands since the request";
                }
            } else {
                reason = prefix + "rejected" + comment;
            }
            cmd.log(AccountAccess.ref(after), AccountAccess.poolContext(after), ACTION_DECISION, before, after,
                    reason.length() > 2000 ? reason.substring(0, 2000) : reason);
            return after;
        });
    }

    /** The first recycle rule of the account's pool whose condition matches it, or null. */
    private static RecycleRule applicableRule(CommandContext cmd, Account account) {
        Pool pool = AccountAccess.poolOf(cmd, account);
        if (pool == null) {
            return null;
        }
        if (account.isWon() && !pool.rules().recycleWonRecords()) {
            return null;
        }
        for (RecycleRule rule : pool.rules().recycleRules()) {
            if (rule.condition() == null
                    || ConditionEvaluator.matches(rule.condition(), account, cmd.now(), cmd.settings().zone())) {
                return rule;
            }
        }
        return null;
    }

    private static int grantedDays(ApprovalDecision decision, int asked) {
        String text = decision.granted().get("days");
        if (text == null) {
            return asked;
        }
        try {
            return (int) Checks.range("granted.days", Integer.parseInt(text.strip()), 1, PoolRules.MAX_DAYS);
        } catch (NumberFormatException e) {
            throw ValidationException.of("granted.days", ErrorCode.FIELD_INVALID, "not a number of days: " + text);
        }
    }

    /** The parts of a request id: {@code <accountId>:<days>:<entryId>}. */
    private record RequestId(AccountId account, int days, String entry) {
        static RequestId parse(String id) {
            int last = id.lastIndexOf(':');
            int middle = last <= 0 ? -1 : id.lastIndexOf(':', last - 1);
            if (middle <= 0) {
                throw notExtension(id);
            }
            try {
                int days = Integer.parseInt(id.substring(middle + 1, last));
                return new RequestId(AccountId.of(id.substring(0, middle)), days, id.substring(last + 1));
            } catch (NumberFormatException e) {
                throw notExtension(id);
            }
        }

        private static ValidationException notExtension(String id) {
            return ValidationException.of("requestId", ErrorCode.FIELD_INVALID, "not a recycle extension request: " + id);
        }
    }
}
