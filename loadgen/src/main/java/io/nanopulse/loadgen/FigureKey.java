package io.nanopulse.loadgen;

/** One figure the demo checks: a subject ({@code kind}, {@code key}) over a window, as the figures API names it. */
record FigureKey(String kind, String key, String window) {
    static final FigureKey GLOBAL = new FigureKey("GLOBAL", "", "ALL");

    @Override
    public String toString() {
        return kind + (key.isEmpty() ? "" : " " + key) + (window.equals("ALL") ? "" : " " + window);
    }
}
