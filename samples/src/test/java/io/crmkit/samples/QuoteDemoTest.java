package io.crmkit.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.money.Money;
import io.crmkit.core.money.PriceBreakdown;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The README's demo must print the figures computed by hand below, and both languages. */
class QuoteDemoTest {

    @Test
    void demoPricesTheQuoteToTheCentAndPrintsEverySection() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PriceBreakdown quote = new QuoteDemo(new PrintStream(buffer, true, StandardCharsets.UTF_8)).run();
        String output = buffer.toString(StandardCharsets.UTF_8);

        // 3 × (1299.00 × 0.85 = 1104.15) = 3312.45
        // 7 × 333.3333 = 2333.3331 -> 2333.33
        // 12.5 × (19.99 × 0.95 = 18.9905) = 237.38125 -> 237.38
        // subtotal 5883.16; × 0.92 = 5412.5072 -> 5412.51
        assertThat(quote.subtotal()).isEqualTo(Money.of("5883.16", "CNY"));
        assertThat(quote.total()).isEqualTo(Money.of("5412.51", "CNY"));
        assertThat(quote.pushDown().stream().reduce(Money::plus)).contains(quote.total());
        // Naively: 3047.454 -> 3047.45, 2146.6636 -> 2146.66, 218.3896 -> 218.39 = 5412.50, a cent short.
        assertThat(output).contains("naive per-line rounding would give CNY 5412.50");
        // 30/50/20 of 5412.51: 1623.753 / 2706.255 / 1082.502; the spare cent goes to the largest remainder.
        assertThat(output).contains("installment 1: CNY 1623.75", "installment 2: CNY 2706.26", "installment 3: CNY 1082.50",
                "sum: CNY 5412.51");
        assertThat(output).contains("code: validation.failed", "field discount: money.discount-out-of-range", "en: ", "zh: ", "折扣系数");
    }
}
