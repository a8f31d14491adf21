package io.aestream.trainer.eval;

/** Rows of flags or labels written as text, one character a row: '1' set, anything else not. */
final class RowFlags {
    private RowFlags() {
    }

    static boolean[] of(String s) {
        boolean[] b = new boolean[s.length()];
        for (int i = 0; i < b.length; i++) {
            b[i] = s.charAt(i) == '1';
        }
        return b;
    }

    static String text(boolean[] rows) {
        StringBuilder s = new StringBuilder(rows.length);
        for (boolean r : rows) {
            s.append(r ? '1' : '0');
        }
        return s.toString();
    }
}
