package io.aestream.trainer.data;

import io.aestream.frame.WindowFunction;
import io.aestream.trainer.eval.FlagRule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnumOptionTest {

    @Test
    void shouldReadConstantWhenTextUsesDashesAndAnyCase() {
        // When an option value is spelled as the help text spells it
        FlagRule rule = EnumOption.parse(FlagRule.class, "flag rule", " All-In-Range ");
        WindowFunction window = EnumOption.parse(WindowFunction.class, "window", "sqrt_hann");

        // Then it names the constant
        assertThat(rule).isEqualTo(FlagRule.ALL_IN_RANGE);
        assertThat(window).isEqualTo(WindowFunction.SQRT_HANN);
    }

    @Test
    void shouldNameOptionChoicesAndValueWhenTextIsUnknown() {
        // When the text names no constant, then the message names the option, every choice and the bad value
        assertThatThrownBy(() -> EnumOption.parse(NormalizerKind.class, "normalizer", "zscore"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("normalizer: must be standardize, robust, minmax, none or per-frame, got 'zscore'");
        assertThatThrownBy(() -> EnumOption.parse(FlagRule.class, "flag rule", "first"))
                .hasMessage("flag rule: must be last, all, all-in-range or skab-notebook, got 'first'");
    }
}
