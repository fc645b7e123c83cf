package cn.foi.events.review;

import cn.foi.events.codes.ReviewBlock;

import java.time.LocalDate;

/**
 * An administrative reconsideration or a lawsuit about a request's answer was filed. It counts in table
 * 四 of the agency that answered the request, whatever year the request is from.
 */
public record ReviewFiled(String reviewId, String requestId, String agencyId, ReviewBlock block, LocalDate filedOn) {
}
