package cn.foi.events.agency;

import java.time.LocalDate;

/** The agency set how its requests are numbered from now on ({@code CaseNumberPattern}); numbers given keep theirs. */
public record CaseNumberPatternSet(String agencyId, String pattern, LocalDate setOn) {
}
