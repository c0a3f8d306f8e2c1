package io.crmkit.rules.sales;

import io.crmkit.core.account.AccountId;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.error.Violation;
import io.crmkit.core.money.Discount;
import io.crmkit.core.money.Money;
import io.crmkit.core.money.PriceBreakdown;
import io.crmkit.core.money.PricedLine;
import io.crmkit.core.money.Pricing;
import io.crmkit.core.money.PricingPolicy;
import io.crmkit.core.money.UnitPrice;
import io.crmkit.core.product.Product;
import io.crmkit.core.product.ProductId;
import io.crmkit.core.sales.OrderLine;
import io.crmkit.core.sales.SalesLine;
import io.crmkit.core.sales.SalesOrder;
import io.crmkit.rules.internal.CommandContext;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The quote math as the sales commands apply it: lines priced from caller input and the catalogue,
 * lines repriced on conversion, totals, and the whole-order discount pushed down to order lines. All
 * figures come from {@link Pricing}; nothing here rounds on its own.
 */
final class SalesMath {
    /** The rule a line for an off-shelf product breaks. */
    static final String OFF_SHELF_RULE = "product.off-shelf";

    private SalesMath() {}

    /**
     * Prices {@code inputs} as lines numbered from {@code firstLineNo}, in {@code currency}, with the
     * tenant's pricing policy. The product name is snapshot from the catalogue; a missing list price is
     * the catalogue's.
     *
     * @param field the field path of the inputs, such as {@code lines}, for violations
     * @param requireOnShelf whether every product must be on shelf (new quote lines)
     * @throws ValidationException listing every bad line: a product the catalogue does not have
     *     ({@link ErrorCode#FIELD_INVALID} on {@code <field>[i].productId}), a price in another currency
     *     ({@link ErrorCode#CURRENCY_MISMATCH}), too many decimal places
     * @throws RuleViolationException with rule {@value #OFF_SHELF_RULE} when {@code requireOnShelf} and
     *     a product is off shelf
     */
    static List<SalesLine> price(CommandContext cmd, Currency currency, List<LineInput> inputs, int firstLineNo,
            String field, boolean requireOnShelf) {
        PricingPolicy policy = cmd.settings().pricing();
        List<Violation> violations = new ArrayList<>();
        List<SalesLine> lines = new ArrayList<>(inputs.size());
        List<String> offShelf = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            String at = field + "[" + i + "]";
            LineInput input = inputs.get(i);
            if (input == null) {
                violations.add(Violation.of(at, ErrorCode.FIELD_REQUIRED));
                continue;
            }
            Optional<Product> found = cmd.tx().products().find(cmd.tenant(), input.productId());
            if (found.isEmpty()) {
                violations.add(Violation.of(at + ".productId", ErrorCode.FIELD_INVALID,
                        "the catalogue has no product " + input.productId()));
                continue;
            }
            Product product = found.get();
            if (requireOnShelf && !product.isOnShelf()) {
                offShelf.add(at + " (" + product.id() + " " + product.name() + ")");
            }
            UnitPrice listPrice = input.listPrice() != null ? input.listPrice() : product.listPrice();
            if (!listPrice.currency().equals(currency)) {
                violations.add(Violation.of(at + ".listPrice", ErrorCode.CURRENCY_MISMATCH,
                        currency.getCurrencyCode(), listPrice.currency().getCurrencyCode()));
                continue;
            }
            try {
                PricedLine priced;
                if (input.salesPrice() != null) {
                    priced = Pricing.priceLine(input.quantity(), listPrice, input.salesPrice(), policy);
                } else {
                    Discount discount = input.lineDiscount() != null ? input.lineDiscount() : Discount.NONE;
                    priced = Pricing.priceLineAtDiscount(input.quantity(), listPrice, discount, policy);
                }
                lines.add(new SalesLine(firstLineNo + lines.size(), product.id(), product.name(), priced, input.note()));
            } catch (ValidationException e) {
                violations.addAll(prefixed(at + ".", e));
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        if (!offShelf.isEmpty()) {
            throw new RuleViolationException(OFF_SHELF_RULE, null,
                    "off-shelf products cannot be added to a new quote: " + String.join(", ", offShelf));
        }
        return lines;
    }

    /**
     * Refuses lines for off-shelf products, except products in {@code alreadyOn} (those already on the
     * document being edited may stay there after they leave the shelf). Products the catalogue does not
     * have are not this check's concern.
     *
     * @param field the field path of the lines, such as {@code lines}, for the message
     * @param document what the lines are added to, such as {@code a quote}, for the message
     * @throws RuleViolationException with rule {@value #OFF_SHELF_RULE} naming every such line
     */
    static void requireOnShelf(CommandContext cmd, List<SalesLine> lines, String field, Set<ProductId> alreadyOn,
            String document) {
        List<String> offShelf = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            SalesLine line = lines.get(i);
            if (alreadyOn.contains(line.productId())) {
                continue;
            }
            Optional<Product> product = cmd.tx().products().find(cmd.tenant(), line.productId());
            if (product.isPresent() && !product.get().isOnShelf()) {
                offShelf.add(field + "[" + i + "] (" + line.productId() + " " + product.get().name() + ")");
            }
        }
        if (!offShelf.isEmpty()) {
            throw new RuleViolationException(OFF_SHELF_RULE, null,
                    "off-shelf products cannot be added to " + document + ": " + String.join(", ", offShelf));
        }
    }

    /** The products of {@code lines}. */
    static Set<ProductId> productsOf(List<SalesLine> lines) {
        Set<ProductId> products = new HashSet<>();
        lines.forEach(line -> products.add(line.productId()));
        return products;
    }

    /**
     * {@code lines} with the sales prices {@code repricing} names changed (quantities and list prices
     * kept), each named line repriced with the tenant's policy.
     *
     * @throws ValidationException with {@link ErrorCode#FIELD_INVALID} on {@code repricing} for a line
     *     number the lines do not have, and as {@link Pricing#priceLine} for a bad price (field prefixed
     *     with {@code repricing.line<n>.})
     */
    static List<SalesLine> reprice(CommandContext cmd, List<SalesLine> lines, Repricing repricing) {
        PricingPolicy policy = cmd.settings().pricing();
        Set<Integer> known = new HashSet<>();
        lines.forEach(l -> known.add(l.lineNo()));
        List<Violation> violations = new ArrayList<>();
        Set<Integer> named = new HashSet<>(repricing.salesPrices().keySet());
        named.addAll(repricing.lineDiscounts().keySet());
        for (Integer lineNo : named) {
            if (!known.contains(lineNo)) {
                violations.add(Violation.of("repricing", ErrorCode.FIELD_INVALID,
                        "the source has no line " + lineNo + "; it has lines " + known));
            }
        }
        List<SalesLine> result = new ArrayList<>(lines.size());
        for (SalesLine line : lines) {
            UnitPrice newPrice = repricing.salesPrices().get(line.lineNo());
            Discount newDiscount = repricing.lineDiscounts().get(line.lineNo());
            if (newPrice == null && newDiscount == null) {
                result.add(line);
                continue;
            }
            PricedLine old = line.price();
            try {
                PricedLine priced = newPrice != null
                        ? Pricing.priceLine(old.quantity(), old.listPrice(), newPrice, policy)
                        : Pricing.priceLineAtDiscount(old.quantity(), old.listPrice(), newDiscount, policy);
                result.add(new SalesLine(line.lineNo(), line.productId(), line.productName(), priced, line.note()));
            } catch (ValidationException e) {
                violations.addAll(prefixed("repricing.line" + line.lineNo() + ".", e));
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return result;
    }

    /** Subtotal, whole-order discount and total of {@code lines}, with the tenant's policy. */
    static PriceBreakdown breakdown(CommandContext cmd, Currency currency, List<SalesLine> lines, Discount discount) {
        return Pricing.price(currency, lines.stream().map(SalesLine::price).toList(), discount, cmd.settings().pricing());
    }

    /**
     * The order lines for {@code lines} priced as {@code breakdown}: each line's share of the total is
     * the whole-order discount pushed down by largest remainder, so the shares add up to the total to
     * the minor unit. Delivery is not tracked per line.
     */
    static List<OrderLine> orderLines(List<SalesLine> lines, PriceBreakdown breakdown) {
        List<Money> shares = breakdown.pushDown();
        List<OrderLine> result = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            result.add(new OrderLine(lines.get(i), shares.get(i), null));
        }
        return result;
    }

    /**
     * A new order of {@code account} in {@code currency} with {@code lines} at {@code discount}, owned by
     * the actor, created now: subtotal and total from {@link #breakdown}, the total pushed down to the
     * lines ({@link #orderLines}), nothing delivered, returned, invoiced or allocated. The caller sets
     * the id and the sources ({@code sourceQuoteId}, {@code sourceOpportunityId},
     * {@code sourceContractId}) and may change the owner before {@code build()}.
     */
    static SalesOrder.Builder newOrder(CommandContext cmd, AccountId account, Currency currency,
            List<SalesLine> lines, Discount discount) {
        PriceBreakdown priced = breakdown(cmd, currency, lines, discount);
        return SalesOrder.builder()
                .tenantId(cmd.tenant())
                .accountId(account)
                .currency(currency)
                .lines(orderLines(lines, priced))
                .wholeOrderDiscount(discount)
                .subtotal(priced.subtotal())
                .total(priced.total())
                .allocated(Money.zero(currency))
                .owner(cmd.actor().userId())
                .createdAt(cmd.now())
                .updatedAt(cmd.now());
    }

    /** The number after the highest line number of {@code lines}; 1 for none. */
    static int nextLineNo(List<SalesLine> lines) {
        return lines.stream().mapToInt(SalesLine::lineNo).max().orElse(0) + 1;
    }

    /** {@code lines} renumbered from {@code first}, in order. */
    static List<SalesLine> renumbered(List<SalesLine> lines, int first) {
        List<SalesLine> result = new ArrayList<>(lines.size());
        for (SalesLine line : lines) {
            result.add(new SalesLine(first + result.size(), line.productId(), line.productName(), line.price(),
                    line.note()));
        }
        return result;
    }

    private static List<Violation> prefixed(String prefix, ValidationException e) {
        return e.violations().stream()
                .map(v -> {
                    List<Object> args = new ArrayList<>(v.arguments());
                    if (!args.isEmpty() && v.field().equals(args.get(0))) {
                        args.set(0, prefix + v.field()); // messages name the field first
                    }
                    return new Violation(prefix + v.field(), v.code(), v.messageKey(), args);
                })
                .toList();
    }
}
