package cn.foi.query.projection;

import cn.foi.events.codes.ApplicantType;
import cn.foi.events.codes.ResultCode;

import java.time.LocalDate;

/**
 * What table 三 needs of one request. {@code firstYear} is the year it entered the books: its year of
 * receipt, or the year it was imported into as carried over ({@code imported}).
 */
public record RequestFacts(String requestId, ApplicantType applicantType, LocalDate receivedOn, int firstYear,
                           boolean imported, ResultCode result, LocalDate decidedOn, int extensionWorkingDays,
                           LocalDate correctionReceivedOn, boolean awaitingCorrection,
                           java.util.List<cn.foi.events.calendar.WorkingDayCalendar.Pause> pauses, boolean consulting) {

    /** The day the 20 working days count from: receipt, or the arrival of the correction. */
    public LocalDate clockStartsOn() {
        return correctionReceivedOn != null ? correctionReceivedOn : receivedOn;
    }


    /** Open at the end of {@code year}, judged by business dates. */
    public boolean isOpenAtEndOf(int year) {
        return firstYear <= year && (decidedOn == null || decidedOn.getYear() > year);
    }

    public boolean isNewIn(int year) {
        return !imported && receivedOn.getYear() == year;
    }

    /** Carried over into {@code year}: open at the end of the year before, or imported as open into it. */
    public boolean isCarriedOverInto(int year) {
        return imported && firstYear == year || isOpenAtEndOf(year - 1);
    }

    public boolean isDecidedIn(int year) {
        return decidedOn != null && decidedOn.getYear() == year;
    }
}
