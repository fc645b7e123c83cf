package cn.foi.events.agency;

import java.time.LocalDate;

/** An agency started keeping its disclosure requests here. */
public record AgencyRegistered(String agencyId, String name, LocalDate registeredOn) {
}
