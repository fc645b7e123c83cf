package cn.foi.events.request;

import cn.foi.events.codes.LegacyResultCode;

import java.time.LocalDate;

/**
 * The request was answered, on a day in a reporting year up to 2018, with a result of the 2008 Regulations: it
 * counts in that year's statistics form (政府信息公开情况统计表), never in a table 三. Answers from 2019 on are
 * {@link RequestDecided}.
 */
public record LegacyRequestDecided(String requestId, String agencyId, LegacyResultCode result, LocalDate decidedOn, String note) {
}
