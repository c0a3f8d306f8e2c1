package io.crmkit.spi.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.error.ValidationException;
import org.junit.jupiter.api.Test;

class RelayResultTest {

    @Test
    void outcomesMustAddUpToTheClaimedEntries() {
        assertThat(new RelayResult(10, 4, 3, 2, 1).claimed()).isEqualTo(10);
        assertThatThrownBy(() -> new RelayResult(10, 4, 3, 2, 0))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.getMessage()).contains("must equal delivered + failed + parked + leaseLost (9)"));
        assertThatThrownBy(() -> new RelayResult(0, 1, 0, 0, -1)).isInstanceOf(ValidationException.class);
    }

    @Test
    void plusAddsEachCount() {
        RelayResult sum = new RelayResult(10, 4, 3, 2, 1).plus(new RelayResult(5, 1, 1, 1, 2));

        assertThat(sum).isEqualTo(new RelayResult(15, 5, 4, 3, 3));
        assertThat(sum.plus(RelayResult.NONE)).isEqualTo(sum);
    }
}
