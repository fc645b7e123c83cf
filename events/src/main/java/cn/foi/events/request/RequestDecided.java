package cn.foi.events.request;

import cn.foi.events.codes.ResultCode;

import java.time.LocalDate;

/** The request was answered on {@code decidedOn}; {@code result} is its one row of table 三. */
public record RequestDecided(String requestId, String agencyId, ResultCode result, LocalDate decidedOn,
                             String note) {
}
