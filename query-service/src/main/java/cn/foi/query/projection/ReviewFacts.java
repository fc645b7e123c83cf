package cn.foi.query.projection;

import cn.foi.events.codes.ReviewBlock;
import cn.foi.events.codes.ReviewResult;

import java.time.LocalDate;

/** What table 四 needs of one reconsideration or lawsuit. */
public record ReviewFacts(String reviewId, ReviewBlock block, LocalDate filedOn, ReviewResult result,
                          LocalDate concludedOn) {

    public boolean isConcludedIn(int year) {
        return concludedOn != null && concludedOn.getYear() == year;
    }

    /** Filed by the end of {@code year} and not concluded by then. */
    public boolean isPendingAtEndOf(int year) {
        return filedOn.getYear() <= year && (concludedOn == null || concludedOn.getYear() > year);
    }
}
