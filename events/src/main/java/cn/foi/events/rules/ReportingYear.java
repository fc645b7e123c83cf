package cn.foi.events.rules;

import java.time.LocalDate;

/**
 * Which year's books a request is on, judged by business dates (when it was received or answered), never by when
 * things were typed in: the year close (command side) and the tables (query side) both ask here.
 * {@code firstYear} is the year the request entered the books: its year of receipt, or the year it was imported into
 * as carried over.
 */
public final class ReportingYear {

    /** The first reporting year, under the 2008 Regulations. */
    public static final int FIRST = 2008;
    /** The last reporting year under the 2008 Regulations: reported in the old statistics form, never in table 三. */
    public static final int LAST_UNDER_2008_REGULATIONS = 2018;

    private ReportingYear() {
    }

    /**
     * The first year a request is on an agency's books: the year it was received, or for a request brought in as still
     * open from earlier years, the year it was carried into (its receipt date, even corrected, does not move it).
     */
    public static int firstYearOf(LocalDate receivedOn, boolean imported, int carriedInto) {
        return imported ? carriedInto : receivedOn.getYear();
    }

    /** Whether {@code year} is reported in the statistics form of the 2008 Regulations. */
    public static boolean isUnder2008Regulations(int year) {
        return year >= FIRST && year <= LAST_UNDER_2008_REGULATIONS;
    }

    /** Open at the end of {@code year}: carried forward into the next (table 三, row 四). */
    public static boolean isOpenAtEndOf(int firstYear, LocalDate decidedOn, int year) {
        return firstYear <= year && (decidedOn == null || decidedOn.getYear() > year);
    }

    /** On the books in {@code year}: new or carried over in it, so it appears in that year's table. */
    public static boolean isOnTheBooksIn(int firstYear, LocalDate decidedOn, int year) {
        return firstYear <= year && (decidedOn == null || decidedOn.getYear() >= year);
    }
}
