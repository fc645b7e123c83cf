package cn.foi.command.attachment;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of file a request may keep: PDF, images, Word and Excel. Judged by the file's first bytes (and, for the
 * Office formats, which share their containers with others, by the name's extension too), never by the type the
 * browser claims.
 */
enum AttachmentType {
    PDF("application/pdf"),
    JPEG("image/jpeg"),
    PNG("image/png"),
    GIF("image/gif"),
    TIFF("image/tiff"),
    DOC("application/msword"),
    XLS("application/vnd.ms-excel"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** As people read it in a refusal. */
    static final String ACCEPTED = "PDF、图片（JPEG、PNG、GIF、TIFF）、Word（.doc、.docx）、Excel（.xls、.xlsx）";

    private final String contentType;

    AttachmentType(String contentType) {
        this.contentType = contentType;
    }

    String contentType() {
        return contentType;
    }

    static Optional<AttachmentType> of(byte[] head, String name) {
        String extension = name == null || name.lastIndexOf('.') < 0 ? "" : name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        if (starts(head, 0x25, 0x50, 0x44, 0x46)) {
            return Optional.of(PDF);
        }
        if (starts(head, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (starts(head, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (starts(head, 0x47, 0x49, 0x46, 0x38)) {
            return Optional.of(GIF);
        }
        if (starts(head, 0x49, 0x49, 0x2A, 0x00) || starts(head, 0x4D, 0x4D, 0x00, 0x2A)) {
            return Optional.of(TIFF);
        }
        if (starts(head, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) { // the OLE2 container of .doc and .xls
            return switch (extension) {
                case "doc" -> Optional.of(DOC);
                case "xls" -> Optional.of(XLS);
                default -> Optional.empty();
            };
        }
        if (starts(head, 0x50, 0x4B, 0x03, 0x04)) { // the zip container of .docx and .xlsx (and of much else)
            return switch (extension) {
                case "docx" -> Optional.of(DOCX);
                case "xlsx" -> Optional.of(XLSX);
                default -> Optional.empty();
            };
        }
        return Optional.empty();
    }

    private static boolean starts(byte[] head, int... bytes) {
        if (head.length < bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((head[i] & 0xFF) != bytes[i]) {
                return false;
            }
        }
        return true;
    }
}
