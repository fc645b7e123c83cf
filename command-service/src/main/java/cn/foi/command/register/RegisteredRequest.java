package cn.foi.command.register;

import cn.foi.events.codes.ApplicantType;

import java.time.LocalDate;

/**
 * What the year close needs to know of one request. {@code firstYear} is the year it entered the
 * books: its year of receipt, or the year it was imported into as carried over.
 */
public record RegisteredRequest(String requestId, ApplicantType applicantType, int firstYear, LocalDate decidedOn) {

    /** Open at the end of {@code year}, judged by business dates, not by when things were typed in. */
    public boolean isOpenAtEndOf(int year) {
        return cn.foi.events.rules.ReportingYear.isOpenAtEndOf(firstYear, decidedOn, year);
    }

    /** On the books in {@code year}: new or carried over in it, so it appears in that year's table. */
    public boolean isOnTheBooksIn(int year) {
        return cn.foi.events.rules.ReportingYear.isOnTheBooksIn(firstYear, decidedOn, year);
    }
}
