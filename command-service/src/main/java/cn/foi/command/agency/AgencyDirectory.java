package cn.foi.command.agency;

import cn.foi.command.problem.StateConflict;

/** What a request needs to know of its agency: that it exists and which years are closed. */
public interface AgencyDirectory {

    boolean exists(String agencyId);

    boolean isClosed(String agencyId, int year);

    /** The agency an agency stands under; null at the top of a tree or for an unknown agency (or a directory without a tree). */
    default String parentOf(String agencyId) {
        return null;
    }

    /** The latest year the agency closed; empty when it closed none (or for a directory that knows no closes). */
    default java.util.OptionalInt latestClosedYear(String agencyId) {
        return java.util.OptionalInt.empty();
    }

    /**
     * Anything dated in a closed year is refused: its figures are frozen. So is anything dated before a closed year:
     * a request open at a year's end is carried into the next, so a receipt, a decision or a fee dated in an earlier
     * year would change the closed year's carried-over figures too.
     */
    default void requireYearOpen(String agencyId, int year) {
        if (isClosed(agencyId, year)) {
            throw new StateConflict(year + " 年度已关闭，数据已冻结 (year " + year + " is closed)");
        }
        java.util.OptionalInt latest = latestClosedYear(agencyId);
        if (latest.isPresent() && latest.getAsInt() > year) {
            throw new StateConflict(latest.getAsInt() + " 年度已关闭，数据已冻结；" + year + " 年的记录会改变该年度的结转数字，不能再登记 (year "
                                    + latest.getAsInt() + " is closed; a record dated " + year + " would change its carried-over figures)");
        }
    }
}
