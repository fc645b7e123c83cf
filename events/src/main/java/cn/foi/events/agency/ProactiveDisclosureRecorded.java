package cn.foi.events.agency;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * The agency recorded its table 二 figures for {@code year}; each recording is a new {@code version}
 * and the earlier ones stay in the history. Figures: row code → column code → value (every cell).
 */
public record ProactiveDisclosureRecorded(String agencyId, int year, int version, LocalDate recordedOn,
                                          Map<String, Map<String, BigDecimal>> figures) {
}
