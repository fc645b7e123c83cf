package cn.foi.events.casenumber;

/** An agency set how its case numbers are written from now on ({@link CaseNumberPattern}); numbers given stay. */
public record CaseNumberPatternSet(String agencyId, String pattern) {
}
