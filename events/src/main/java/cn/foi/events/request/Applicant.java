package cn.foi.events.request;

import cn.foi.events.codes.ApplicantType;

/** Who applied. The name is personal data: shown to the agency's own officers only. */
public record Applicant(ApplicantType type, String name) {
}
