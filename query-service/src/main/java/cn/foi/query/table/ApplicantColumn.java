package cn.foi.query.table;

import cn.foi.events.codes.ApplicantType;

/** The columns of table 三: the six applicant types and their total. */
public enum ApplicantColumn {
    NATURAL_PERSON, COMMERCIAL_ENTERPRISE, RESEARCH_INSTITUTION, SOCIAL_WELFARE_ORGANIZATION,
    LEGAL_SERVICE_INSTITUTION, OTHER_ORGANIZATION, TOTAL;

    /** Printed above the five columns after 自然人. */
    public static final String GROUP_LABEL = "法人或其他组织";

    public static ApplicantColumn of(ApplicantType type) {
        return valueOf(type.name());
    }

    public String label() {
        return this == TOTAL ? "总计" : ApplicantType.valueOf(name()).label();
    }
}
