package io.crmkit.samples;

import io.crmkit.core.error.ValidationException;
import io.crmkit.core.error.Violation;
import io.crmkit.core.money.Discount;
import io.crmkit.core.money.Money;
import io.crmkit.core.money.PriceBreakdown;
import io.crmkit.core.money.PricedLine;
import io.crmkit.core.money.Pricing;
import io.crmkit.core.money.PricingPolicy;
import io.crmkit.core.money.Split;
import io.crmkit.core.money.UnitPrice;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * The README's first command: prices a quote with line discounts and a whole-order discount, pushes
 * that discount down to the lines so they add up to the total to the cent, splits the total into a
 * 30/50/20 payment plan, and shows a rejected input with its message in English and Chinese.
 *
 * <p>Then {@link EmbeddedPoolDemo} runs a public pool on embedded H2. Later issues grow this into a
 * whole simulated sales year.
 */
public final class QuoteDemo {
    private static final Currency CNY = Currency.getInstance("CNY");

    private final PrintStream out;

    QuoteDemo(PrintStream out) {
        this.out = out;
    }

    /**
     * Runs the demo on standard output: the quote, then a public pool on an embedded H2 database in
     * the folder named by the system property {@code crmkit.demo.dir} (the samples build sets it under
     * {@code target/}), or in a new temporary folder.
     */
    public static void main(String[] args) throws java.io.IOException {
        new QuoteDemo(System.out).run();
        System.out.println();
        String dir = System.getProperty("crmkit.demo.dir");
        java.nio.file.Path folder = dir == null
                ? java.nio.file.Files.createTempDirectory("crmkit-demo")
                : java.nio.file.Path.of(dir);
        new EmbeddedPoolDemo(System.out, folder).run();
    }

    /** Prints every section of the demo and returns the priced quote (the test checks its figures). */
    PriceBreakdown run() {
        PricingPolicy policy = PricingPolicy.defaults();
        List<String> names = List.of("Industrial sensor", "Installation service", "Shielded cable (m)");
        List<PricedLine> lines = List.of(
                // 3 sensors at list 1299.00, 8.5折 (the buyer pays 85%)
                Pricing.priceLineAtDiscount(new BigDecimal("3"), UnitPrice.of("1299.00", "CNY"), Discount.zhe("8.5"), policy),
                // 7 service days at an un-round list price, no line discount
                Pricing.priceLineAtDiscount(new BigDecimal("7"), UnitPrice.of("333.3333", "CNY"), Discount.NONE, policy),
                // 12.5 metres of cable at 5% off
                Pricing.priceLineAtDiscount(new BigDecimal("12.5"), UnitPrice.of("19.99", "CNY"), Discount.percentOff("5"), policy));
        Discount wholeOrder = Discount.zhe("9.2");
        PriceBreakdown quote = Pricing.price(CNY, lines, wholeOrder, policy);
        List<Money> pushedDown = quote.pushDown();

        out.println("crmkit demo: a quote priced exactly");
        out.println();
        out.printf("%-22s %9s %11s %9s %12s %12s %14s%n",
                "product", "qty", "list", "discount", "sales price", "line amount", "after 9.2折");
        for (int i = 0; i < lines.size(); i++) {
            PricedLine line = lines.get(i);
            out.printf("%-22s %9s %11s %9s %12s %12s %14s%n",
                    names.get(i),
                    line.quantity().toPlainString(),
                    line.listPrice().amount().toPlainString(),
                    line.discountRatio(4).map(BigDecimal::toPlainString).orElse("-"),
                    line.salesPrice().amount().toPlainString(),
                    line.amount().amount().toPlainString(),
                    pushedDown.get(i).amount().toPlainString());
        }
        out.println();
        out.printf("subtotal %s, whole-order discount %s, total %s%n", quote.subtotal(), wholeOrder, quote.total());
        out.printf("pushed-down line totals add up to %s (largest remainder, never off by a cent)%n",
                pushedDown.stream().reduce(Money.zero(CNY), Money::plus));
        out.printf("naive per-line rounding would give %s%n", naivePushDown(quote, policy.roundingMode()));
        out.println();

        List<Money> plan = Split.byPercentages(quote.total(),
                List.of(new BigDecimal("30"), new BigDecimal("50"), new BigDecimal("20")));
        out.println("payment plan 30/50/20:");
        for (int i = 0; i < plan.size(); i++) {
            out.printf("  installment %d: %s%n", i + 1, plan.get(i));
        }
        out.printf("  sum: %s%n", plan.stream().reduce(Money.zero(CNY), Money::plus));
        out.println();

        try {
            Discount.multiplier("1.2");
        } catch (ValidationException e) {
            out.println("bad input is a typed error with stable codes, in two languages:");
            out.printf("  code: %s%n", e.code().code());
            for (Violation v : e.violations()) {
                out.printf("  field %s: %s%n", v.field(), v.code().code());
            }
            out.printf("  en: %s%n  zh: %s%n", e.getMessage(), e.getMessage(Locale.SIMPLIFIED_CHINESE));
        }
        return quote;
    }

    /** What rounding each line's discounted amount on its own would add up to: usually a cent off. */
    private static Money naivePushDown(PriceBreakdown quote, RoundingMode mode) {
        List<Money> parts = new ArrayList<>();
        for (PricedLine line : quote.lines()) {
            parts.add(line.amount().times(quote.wholeOrderDiscount().multiplier(), mode));
        }
        return parts.stream().reduce(Money.zero(CNY), Money::plus);
    }
}
