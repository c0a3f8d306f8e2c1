package io.crmkit.core.sales;

/**
 * How a closed opportunity ended. The implicit final stage {@code CLOSED} of every sales process
 * carries one of these, and its win rate follows from it.
 */
public enum CloseResult {
    /** The deal was won (赢单); win rate 100%. */
    WON(100),
    /** The deal was lost (输单); win rate 0%. */
    LOST(0),
    /** The opportunity turned out not to be real (无效); win rate 0%. */
    INVALID(0);

    private final int winRatePercent;

    CloseResult(int winRatePercent) {
        this.winRatePercent = winRatePercent;
    }

    /** The win rate of an opportunity closed with this result: 100 for {@link #WON}, 0 otherwise. */
    public int winRatePercent() {
        return winRatePercent;
    }
}
