package io.crmkit.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.money.Discount;
import io.crmkit.core.money.Money;
import io.crmkit.core.money.PricedLine;
import io.crmkit.core.pool.PoolId;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sample generator behind {@link ModelJsonRoundTripTest}: it satisfies the usual kinds of
 * cross-field invariant by itself, falls back to builder defaults, terminates on recursive types,
 * and fails by name when it cannot build a type, so the round-trip test can never skip one silently.
 */
class ModelSamplesTest {
    private final ModelSamples samples =
            new ModelSamples(ModelJsonRoundTripTest.SAMPLES, ModelJsonRoundTripTest.MORE_CANDIDATES);

    /** A period whose end must come after its start. */
    record Window(Instant start, Instant end) {
        Window {
            if (!end.isAfter(start)) {
                throw ValidationException.of("end", ErrorCode.FIELD_INVALID, "end must be after start");
            }
        }
    }

    /** Owned, or unowned in a pool: exactly one of the two. */
    record Pooled(UserId owner, PoolId pool) {
        Pooled {
            if ((owner == null) == (pool == null)) {
                throw ValidationException.of("owner", ErrorCode.FIELD_INVALID, "owner xor pool");
            }
        }
    }

    enum Status { OPEN, CLOSED }

    /** A close reason exactly when closed. */
    record Closing(Status status, String reason) {
        Closing {
            if ((status == Status.CLOSED) != (reason != null)) {
                throw ValidationException.of("reason", ErrorCode.FIELD_INVALID, "reason iff closed");
            }
        }
    }

    /** Totals that must add up over the lines. */
    record Totals(List<PricedLine> lines, Money subtotal, Discount discount, Money total) {
        Totals {
            Money sum = lines.stream().map(PricedLine::amount).reduce(Money::plus).orElseThrow();
            if (!sum.equals(subtotal) || !subtotal.times(discount.multiplier(), RoundingMode.HALF_UP).equals(total)) {
                throw ValidationException.of("total", ErrorCode.FIELD_INVALID, "totals do not add up");
            }
        }
    }

    enum Delivery { NOT_SHIPPED, SHIPPED, RECEIVED }

    /**
     * Many interlocking rules, checked top to bottom like an order: totals over the lines, times
     * that are set exactly in the matching delivery states, a paid amount within the total. The
     * preferred values break four of them at once, more than the exhaustive search changes.
     */
    record Order(List<PricedLine> lines, Money subtotal, Discount discount, Money total, Delivery delivery,
            Instant shippedAt, Instant receivedAt, Money paid) {
        Order {
            Money sum = lines.stream().map(PricedLine::amount).reduce(Money.zero(subtotal.currency()), Money::plus);
            if (!sum.equals(subtotal)) {
                throw ValidationException.of("subtotal", ErrorCode.FIELD_INVALID, "not the sum of the lines");
            }
            if (!subtotal.times(discount.multiplier(), RoundingMode.HALF_UP).equals(total)) {
                throw ValidationException.of("total", ErrorCode.FIELD_INVALID, "not subtotal × discount");
            }
            if ((delivery != Delivery.NOT_SHIPPED) != (shippedAt != null)) {
                throw ValidationException.of("shippedAt", ErrorCode.FIELD_INVALID, "set exactly when shipped");
            }
            if ((delivery == Delivery.RECEIVED) != (receivedAt != null)) {
                throw ValidationException.of("receivedAt", ErrorCode.FIELD_INVALID, "set exactly when received");
            }
            if (paid.isNegative() || paid.isGreaterThan(total)) {
                throw ValidationException.of("paid", ErrorCode.FIELD_OUT_OF_RANGE, 0, total, paid);
            }
        }
    }

    /** Accepts only what its builder makes. */
    record Configured(String mode) {
        Configured {
            if (!"from-builder".equals(mode)) {
                throw ValidationException.of("mode", ErrorCode.FIELD_INVALID, "use the builder");
            }
        }

        public static Builder builder() {
            return new Builder();
        }

        public static final class Builder {
            public Configured build() {
                return new Configured("from-builder");
            }
        }
    }

    /** Never valid. */
    record Impossible(String value) {
        Impossible {
            throw ValidationException.of("value", ErrorCode.FIELD_INVALID, "never valid");
        }
    }

    /** A component JSON cannot read back. */
    record Untyped(Object value) {}

    /** A recursive tree, like a condition tree. */
    sealed interface Node permits Leaf, All, Not {}

    record Leaf(String name) implements Node {}

    record All(List<Node> children) implements Node {
        All {
            children = List.copyOf(children);
            if (children.isEmpty()) {
                throw ValidationException.of("children", ErrorCode.FIELD_REQUIRED);
            }
        }
    }

    record Not(Node inner) implements Node {
        Not {
            if (inner == null) {
                throw ValidationException.of("inner", ErrorCode.FIELD_REQUIRED);
            }
        }
    }

    @Test
    void findsValuesThatSatisfyOrderingRules() {
        Window w = (Window) samples.sample(Window.class);
        assertThat(w.end()).isAfter(w.start());
    }

    @Test
    void findsAPoolOrAnOwner() {
        Pooled p = (Pooled) samples.sample(Pooled.class);
        assertThat(p.owner() == null).isNotEqualTo(p.pool() == null);
    }

    @Test
    void findsStatusDependentFields() {
        Closing c = (Closing) samples.sample(Closing.class);
        assertThat(c.status() == Status.CLOSED).isEqualTo(c.reason() != null);
    }

    @Test
    void findsTotalsThatAddUp() {
        Totals t = (Totals) samples.sample(Totals.class);
        // One 20.00 line; with the 0.9 discount the total is 18.00, without it 20.00.
        assertThat(t.lines()).hasSize(1);
        assertThat(t.subtotal()).isEqualTo(Money.of("20.00", "CNY"));
    }

    /** No invariants between its fields. */
    record Note(String text, String remark, List<String> tags) {}

    @Test
    void prefersFullValues() {
        // Nothing forces a null or an empty list, so every component is set and the list has an element.
        assertThat(samples.sample(Note.class)).isEqualTo(new Note("v1", "v1", List.of("v1")));
        assertThat(((Window) samples.sample(Window.class)).start()).isEqualTo(ModelSamples.INSTANT);
    }

    @Test
    void climbsToRecordsThatNeedManyCoordinatedChanges() {
        Order order = (Order) samples.sample(Order.class);
        // Climbing from the preferred values keeps the line: 20.00, × 0.9 = 18.00.
        assertThat(order.lines()).hasSize(1);
        assertThat(order.subtotal()).isEqualTo(Money.of("20.00", "CNY"));
        assertThat(order.total()).isEqualTo(Money.of("18.00", "CNY"));
    }

    @Test
    void fallsBackToBuilderDefaults() {
        assertThat(samples.sample(Configured.class)).isEqualTo(new Configured("from-builder"));
    }

    @Test
    void explicitSamplesWin() {
        ModelSamples withExplicit = new ModelSamples(
                Map.of(Window.class, () -> new Window(Instant.EPOCH, Instant.EPOCH.plusSeconds(1))), Map.of());
        assertThat(withExplicit.sample(Window.class)).isEqualTo(new Window(Instant.EPOCH, Instant.EPOCH.plusSeconds(1)));
    }

    @Test
    void buildsEveryKindOfARecursiveSealedType() {
        Map<Class<?>, Object> kinds = samples.samplesPerPermittedSubtype(Node.class);
        assertThat(kinds.keySet()).containsExactly(Leaf.class, All.class, Not.class);
        assertThat(((All) kinds.get(All.class)).children()).isNotEmpty();
        assertThat(((Not) kinds.get(Not.class)).inner()).isNotNull();
    }

    @Test
    void failsNamingTheRecordAndTheConstructorsComplaint() {
        assertThatThrownBy(() -> samples.sample(Impossible.class))
                .isInstanceOf(ModelSamples.SampleException.class)
                .hasMessageContaining(Impossible.class.getName())
                .hasMessageContaining("value is invalid: never valid")
                .hasCauseInstanceOf(ValidationException.class);
    }

    @Test
    void failsNamingTheComponentItCannotGenerate() {
        assertThatThrownBy(() -> samples.sample(Untyped.class))
                .isInstanceOf(ModelSamples.SampleException.class)
                .hasMessageContaining(Untyped.class.getName() + ".value")
                .hasMessageContaining("java.lang.Object");
    }
}
