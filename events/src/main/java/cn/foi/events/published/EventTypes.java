package cn.foi.events.published;

import cn.foi.events.agency.AgencyPlaced;
import cn.foi.events.agency.AgencyRegistered;
import cn.foi.events.agency.LegacyFiguresRecorded;
import cn.foi.events.agency.ProactiveDisclosureRecorded;
import cn.foi.events.agency.ReportingYearClosed;
import cn.foi.events.calendar.HolidayArrangementPublished;
import cn.foi.events.report.AnnualReportPublished;
import cn.foi.events.report.ReportTextsRecorded;
import cn.foi.events.review.ReviewConcluded;
import cn.foi.events.review.ReviewFiled;
import cn.foi.events.request.ConsultationReplied;
import cn.foi.events.request.ConsultationSent;
import cn.foi.events.request.CorrectionReceived;
import cn.foi.events.request.CorrectionRequested;
import cn.foi.events.request.DeadlineExtended;
import cn.foi.events.request.FeeNoticeIssued;
import cn.foi.events.request.FeePaid;
import cn.foi.events.request.OpenRequestImported;
import cn.foi.events.request.LegacyRequestDecided;
import cn.foi.events.request.RequestDecided;
import cn.foi.events.request.RequestReceived;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The event records of the published language, by the stable name they carry on the topic. */
public final class EventTypes {

    private static final Map<String, Class<?>> BY_NAME = List.<Class<?>>of(
            AgencyRegistered.class, AgencyPlaced.class, ReportingYearClosed.class, ProactiveDisclosureRecorded.class, LegacyFiguresRecorded.class,
            RequestReceived.class, OpenRequestImported.class, RequestDecided.class, LegacyRequestDecided.class, DeadlineExtended.class,
            CorrectionRequested.class, CorrectionReceived.class, ConsultationSent.class,
            ConsultationReplied.class, FeeNoticeIssued.class, FeePaid.class, ReviewFiled.class,
            ReviewConcluded.class, HolidayArrangementPublished.class, ReportTextsRecorded.class, AnnualReportPublished.class,
            cn.foi.events.casenumber.CaseNumberIssued.class, cn.foi.events.casenumber.CaseNumberPatternSet.class,
            cn.foi.events.request.RequestAssigned.class, cn.foi.events.request.AttachmentAdded.class,
            cn.foi.events.request.DecisionCorrected.class, cn.foi.events.request.ApplicantDetailsRecorded.class,
            cn.foi.events.letter.LetterTemplateSet.class,
            cn.foi.events.request.ReceiptCorrected.class, cn.foi.events.request.LegacyDecisionCorrected.class
    ).stream().collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private EventTypes() {
    }

    /** User administration: recorded in the log (and published with it), not projected by the query service. */
    private static final java.util.Set<String> ADMINISTRATIVE = java.util.Set.of(
            "UserCreated", "UserAccessChanged", "UserDisplayNameChanged", "UserPasswordReset", "UserDisabled", "UserLocked", "UserUnlocked");

    public static boolean isAdministrative(String name) {
        return ADMINISTRATIVE.contains(name);
    }

    public static Optional<Class<?>> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static String nameOf(Class<?> type) {
        return type.getSimpleName();
    }
}
