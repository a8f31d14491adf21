package io.aestream.it;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PromQlOperandsTest {

    @Test
    void shouldKeepWholeExpressionWhenItHasNoTopLevelOperator() {
        // Given a panel query whose only comparison-like text sits inside a label matcher
        String expr = "sum by (le) (rate(aestream_x_bucket{job=~\".*\",area!=\"a>b and c\"}[1m]))";

        // When / Then
        assertThat(PromQlOperands.of(expr)).containsExactly(expr);
    }

    @Test
    void shouldDropThresholdWhenAlertComparesAgainstLiteral() {
        assertThat(PromQlOperands.of("sum by (job) (rate(a_total[10m])) / sum by (job) (rate(b_total[10m])) > 0.05"))
                .containsExactly("sum by (job) (rate(a_total[10m])) / sum by (job) (rate(b_total[10m]))");
        assertThat(PromQlOperands.of("aestream_ready == 0")).containsExactly("aestream_ready");
        assertThat(PromQlOperands.of("x >= bool -1e3")).containsExactly("x");
    }

    @Test
    void shouldSplitAtSetOperatorsAndDropMatchingModifiersWhenAlertCombinesConditions() {
        // Given an alert joining two thresholded conditions, with a nested and that must stay whole
        String expr = "sum by (job) (rate(c_total[10m])) == 0\n  and on (job)\nmax by (job) (\n"
                + "  lag_max\n    and on (job, instance)\n  aestream_ready\n) > 0";

        // When / Then
        assertThat(PromQlOperands.of(expr)).containsExactly("sum by (job) (rate(c_total[10m]))",
                "max by (job) (\n  lag_max\n    and on (job, instance)\n  aestream_ready\n)");
    }

    @Test
    void shouldKeepBothSidesWhenComparingTwoVectors() {
        assertThat(PromQlOperands.of("a_or_b > ignoring(x) group_left(y) band unless candy"))
                .containsExactly("a_or_b", "band", "candy");
    }
}
