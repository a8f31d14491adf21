package io.aestream.frame;

import java.util.List;

/** A frame spec over named table columns (CSV rows, JSON values): the vector and window layouts. */
public sealed interface TabularFrameSpec extends FrameSpec permits VectorFrameSpec, WindowFrameSpec {

    /** The columns each row supplies, in model order. */
    List<String> columns();
}
