package io.crmkit.core.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.internal.Checks;
import org.junit.jupiter.api.Test;

/**
 * Text with a NUL character is refused, typed, by the model's text checks and by custom text values,
 * because PostgreSQL cannot store it; every other character is kept as given.
 */
class NulTextTest {
    @Test
    void customTextWithNulIsRefused() {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> new CustomValue.Text("a\u0000b"));
        assertThat(e).isNotNull();
        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("value");
            assertThat(v.code()).isEqualTo(ErrorCode.FIELD_INVALID);
        });
    }

    @Test
    void checkedTextWithNulIsRefusedAndOtherControlCharactersAreKept() {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> Checks.text("name", "Acme\u0000 Ltd", 100));
        assertThat(e).isNotNull();
        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("name");
            assertThat(v.code()).isEqualTo(ErrorCode.FIELD_INVALID);
        });

        assertThat(Checks.text("name", "Acme\tLtd\u0001'; --", 100)).isEqualTo("Acme\tLtd\u0001'; --");
        assertThat(new CustomValue.Text(" keeps spaces ").value()).isEqualTo(" keeps spaces ");
    }
}
