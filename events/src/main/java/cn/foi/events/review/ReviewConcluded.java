package cn.foi.events.review;

import cn.foi.events.codes.ReviewResult;

import java.time.LocalDate;

/** The reconsideration or lawsuit ended on {@code concludedOn} with {@code result}. */
public record ReviewConcluded(String reviewId, String requestId, String agencyId, ReviewResult result,
                              LocalDate concludedOn) {
}
