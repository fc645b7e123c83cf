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

    /** How the agency writes its case numbers (the default until it sets one). */
    default cn.foi.events.casenumber.CaseNumberPattern caseNumberPatternOf(String agencyId) {
        return cn.foi.events.casenumber.CaseNumberPattern.DEFAULT;
    }

    /** Anything dated in a closed year is refused: its figures are frozen. */
    default void requireYearOpen(String agencyId, int year) {
        if (isClosed(agencyId, year)) {
            throw new StateConflict(year + " 年度已关闭，数据已冻结 (year " + year + " is closed)");
        }
    }
}
