package cn.foi.events.letter;

import java.time.LocalDate;

/**
 * An agency saved version {@code version} of its template of a letter: the title and the body, paragraphs one per
 * line, with {@code {{字段}}} where the request's facts go. Version 0 is the engine's default ({@link LetterTemplate}).
 */
public record LetterTemplateSet(String agencyId, LetterKind kind, int version, String title, String body, LocalDate setOn) {
}
