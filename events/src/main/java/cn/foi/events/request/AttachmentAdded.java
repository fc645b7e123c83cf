package cn.foi.events.request;

/**
 * A file was attached to the request (the scanned application, the signed reply, …): stored as it came, under
 * {@code attachmentId}, with its SHA-256, so that the history says which bytes were kept.
 */
public record AttachmentAdded(String requestId, String agencyId, String attachmentId, String name, long size, String contentType,
                              String sha256) {
}
