package cn.foi.events.agency;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * The agency recorded the figures of the statistics form of a reporting year up to 2018 that events do not give
 * ({@code LegacyStatisticsItem} with source AGENCY); each recording is a new {@code version}, the earlier ones stay
 * in the history. Figures: item code → value (every such item).
 */
public record LegacyFiguresRecorded(String agencyId, int year, int version, LocalDate recordedOn, Map<String, BigDecimal> figures) {
}
