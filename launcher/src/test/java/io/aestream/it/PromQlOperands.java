package io.aestream.it;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a PromQL expression that must return series whenever the metrics it names exist: the expression
 * split at its top-level set operators ({@code and}, {@code or}, {@code unless}) and comparisons, with bare number
 * literals dropped. {@code up == 0 and on (job) max_over_time(aestream_ready[1h])} gives {@code up} and
 * {@code max_over_time(aestream_ready[1h])}; an expression without such operators is its own single operand.
 *
 * <p>An alert's full expression is empty in a healthy system by design (its threshold is not crossed), so "returns
 * no series" cannot be asked of it; what a typo in a metric or label name breaks is the operands, and those are
 * non-empty in a busy healthy system. Only the top level is split: an {@code and} inside parentheses, such as the
 * {@code lag and on (job, instance) aestream_ready} filter, stays whole, so its label matching is checked too.
 * Splitting at the top level is sound because comparisons bind tighter than {@code and}/{@code unless}, which bind
 * tighter than {@code or}, and arithmetic binds tighter than all of them. Both sides of {@code unless} must return
 * series too, which is stricter than a healthy system needs but is what catches a typo on its right-hand side.
 */
final class PromQlOperands {
    private static final List<String> SET_OPERATORS = List.of("and", "or", "unless");
    // Longest first, so ">=" is not taken for ">".
    private static final List<String> COMPARISONS = List.of("==", "!=", ">=", "<=", ">", "<");
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    /** What may follow a binary operator before its right operand: bool, on/ignoring(labels), group_x(labels). */
    private static final Pattern MODIFIERS = Pattern.compile(
            "^\\s*(bool\\b)?\\s*((on|ignoring)\\s*\\([^)]*\\))?\\s*((group_left|group_right)\\b\\s*(\\([^)]*\\))?)?");

    private PromQlOperands() {
    }

    static List<String> of(String expr) {
        List<String> operands = new ArrayList<>();
        for (String part : split(expr, true)) {
            for (String side : split(part, false)) {
                if (!NUMBER.matcher(side).matches()) {
                    operands.add(side);
                }
            }
        }
        return operands;
    }

    /** Splits at top-level set operators ({@code setOperators}) or comparisons, dropping operator modifiers. */
    private static List<String> split(String expr, boolean setOperators) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        int i = 0;
        while (i < expr.length()) {
            char c = expr.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = endOfString(expr, i);
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (depth == 0) {
                int length = setOperators ? setOperatorAt(expr, i) : comparisonAt(expr, i);
                if (length > 0) {
                    parts.add(expr.substring(start, i));
                    i += length;
                    start = i;
                    continue;
                }
            }
            i++;
        }
        parts.add(expr.substring(start));
        return parts.stream().map(PromQlOperands::withoutModifiers).toList();
    }

    private static int setOperatorAt(String expr, int i) {
        if (i > 0 && isIdentifierChar(expr.charAt(i - 1))) {
            return 0;
        }
        for (String op : SET_OPERATORS) {
            int end = i + op.length();
            if (expr.startsWith(op, i) && (end == expr.length() || !isIdentifierChar(expr.charAt(end)))) {
                return op.length();
            }
        }
        return 0;
    }

    private static int comparisonAt(String expr, int i) {
        return COMPARISONS.stream().filter(op -> expr.startsWith(op, i)).findFirst().map(String::length).orElse(0);
    }

    private static boolean isIdentifierChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == ':';
    }

    /** Index just past the string literal opening at {@code open}; backslash escapes do not apply in backticks. */
    private static int endOfString(String expr, int open) {
        char quote = expr.charAt(open);
        int i = open + 1;
        while (i < expr.length() && expr.charAt(i) != quote) {
            i += quote != '`' && expr.charAt(i) == '\\' ? 2 : 1;
        }
        return i + 1;
    }

    private static String withoutModifiers(String operand) {
        Matcher m = MODIFIERS.matcher(operand);
        return (m.find() ? operand.substring(m.end()) : operand).strip();
    }
}
