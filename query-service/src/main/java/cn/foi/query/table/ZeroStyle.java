package cn.foi.query.table;

/** How a zero count is printed: published tables use either {@code 0} or {@code -}. */
public enum ZeroStyle {
    ZERO, DASH
}
