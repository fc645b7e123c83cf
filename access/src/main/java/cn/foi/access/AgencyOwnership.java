package cn.foi.access;

import java.util.Optional;

/**
 * Which agency a request or a review belongs to, as each service knows it (the command service from
 * its aggregates, the query service from its read model). Empty when unknown: the call then answers 404.
 */
public interface AgencyOwnership {

    Optional<String> agencyOfRequest(String requestId);

    Optional<String> agencyOfReview(String reviewId);

    /** The agencies above an agency in the tree of agencies, nearest first (none where the tree is not known). */
    default java.util.List<String> ancestorsOf(String agencyId) {
        return java.util.List.of();
    }
}
