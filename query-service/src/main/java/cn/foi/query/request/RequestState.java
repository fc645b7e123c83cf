package cn.foi.query.request;

import cn.foi.events.codes.ApplicantType;
import cn.foi.events.codes.Channel;
import cn.foi.events.codes.ResultCode;
import cn.foi.query.view.HistoryEntry;
import cn.foi.query.view.RequestView;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.util.List;

/**
 * A request as {@code GET /api/requests/{id}} and the search answer it: its receipt, what happened to it, and its
 * clock ({@code caseNumber}: null for a request registered before numbers were given). A stopped clock has no due date and says why ({@code pausedBecause}); a running one says when the answer is
 * due and, once answered, whether it was in time ({@code answered}). {@code reviews} only in the single answer.
 */
record RequestState(String requestId, String caseNumber, RequestView.Assignment assignee, String agencyId, String status, LocalDate receivedOn, Channel channel,
                    Applicant applicant, String subject, Integer carriedOverInto, String result, LocalDate decidedOn,
                    RequestView.Correction correction, RequestView.Extension extension,
                    List<RequestView.Consultation> consultations, RequestView.Fee fee, LocalDate dueOn,
                    Integer workingDaysLeft, String answered, Boolean dueDateProvisional, String pausedBecause,
                    List<String> dueDateExplanation, @JsonInclude(JsonInclude.Include.NON_NULL) List<Review> reviews,
                    @JsonInclude(JsonInclude.Include.NON_NULL) List<PossibleRepeat> possibleRepeats,
                    @JsonInclude(JsonInclude.Include.NON_NULL) List<cn.foi.query.letter.LetterFacts.Available> letters) {

    /** The applicant's type, and name as the caller may see it (masked for those outside the agency). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Applicant(ApplicantType type, String name, cn.foi.events.request.ApplicantDetails.Shown details) {
    }

    /** An earlier request of the same applicant, on a similar subject, received within 90 days before this one. */
    record PossibleRepeat(String requestId, String caseNumber, LocalDate receivedOn, String subject) {
    }

    /** A reconsideration or lawsuit about the request. */
    record Review(String reviewId, cn.foi.events.codes.ReviewBlock block, LocalDate filedOn, cn.foi.events.codes.ReviewResult result,
                  LocalDate concludedOn) {
    }

    /** Search results: how many matched, and the first of them. */
    record Found(int total, List<RequestState> requests) {
    }

    /** The request's history, oldest event first. */
    record History(String requestId, String agencyId, List<SealedEntry> events) {
    }

    /** A history entry with the digest its event was stored with (LogDigest): what an auditor checks it against. */
    record SealedEntry(@com.fasterxml.jackson.annotation.JsonUnwrapped HistoryEntry entry, String digest, String recordedByName,
                       @JsonInclude(JsonInclude.Include.NON_NULL) cn.foi.query.letter.LetterFacts.Available letter) {
    }

    RequestState withReviews(List<Review> reviews) {
        return new RequestState(requestId, caseNumber, assignee, agencyId, status, receivedOn, channel, applicant, subject, carriedOverInto, result,
                                decidedOn, correction, extension, consultations, fee, dueOn, workingDaysLeft, answered,
                                dueDateProvisional, pausedBecause, dueDateExplanation, reviews, possibleRepeats, letters);
    }

    RequestState withLetters(List<cn.foi.query.letter.LetterFacts.Available> letters) {
        return new RequestState(requestId, caseNumber, assignee, agencyId, status, receivedOn, channel, applicant, subject, carriedOverInto, result,
                                decidedOn, correction, extension, consultations, fee, dueOn, workingDaysLeft, answered,
                                dueDateProvisional, pausedBecause, dueDateExplanation, reviews, possibleRepeats, letters);
    }

    RequestState withPossibleRepeats(List<PossibleRepeat> repeats) {
        return new RequestState(requestId, caseNumber, assignee, agencyId, status, receivedOn, channel, applicant, subject, carriedOverInto, result,
                                decidedOn, correction, extension, consultations, fee, dueOn, workingDaysLeft, answered,
                                dueDateProvisional, pausedBecause, dueDateExplanation, reviews, repeats, letters);
    }

    /** What every state has, before the clock is read. */
    record Builder(String requestId, String caseNumber, RequestView.Assignment assignee, String agencyId, LocalDate receivedOn, Channel channel, Applicant applicant,
                   String subject, Integer carriedOverInto, String result, LocalDate decidedOn,
                   RequestView.Correction correction, RequestView.Extension extension,
                   List<RequestView.Consultation> consultations, RequestView.Fee fee) {

        RequestState stopped(String status, String pausedBecause, List<String> explanation) {
            return new RequestState(requestId, caseNumber, assignee, agencyId, status, receivedOn, channel, applicant, subject, carriedOverInto,
                                    result, decidedOn, correction, extension, consultations, fee, null, null, null, null,
                                    pausedBecause, explanation, null, null, null);
        }

        RequestState running(String status, LocalDate dueOn, Integer workingDaysLeft, String answered, boolean provisional,
                             List<String> explanation) {
            return new RequestState(requestId, caseNumber, assignee, agencyId, status, receivedOn, channel, applicant, subject, carriedOverInto,
                                    result, decidedOn, correction, extension, consultations, fee, dueOn, workingDaysLeft,
                                    answered, provisional, null, explanation, null, null, null);
        }
    }
}
