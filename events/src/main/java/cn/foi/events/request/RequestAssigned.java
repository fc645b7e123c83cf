package cn.foi.events.request;

import java.time.LocalDate;

/**
 * A supervisor gave the request to an officer of its agency to handle ({@code assignee}, the user name;
 * {@code assigneeName}, the name shown for that user at the moment). A later assignment replaces it.
 */
public record RequestAssigned(String requestId, String agencyId, String assignee, String assigneeName, LocalDate assignedOn) {
}
