package cn.foi.events.agency;

import java.time.LocalDate;

/**
 * An agency was placed under another (a government's office, department or a government below it): at registration,
 * or moved later. {@code parentId} null: it stands at the top of a tree. {@code previousParentId}: where it stood
 * before (null at registration or from the top). A roll-up as of a moment uses the tree of that moment.
 */
public record AgencyPlaced(String agencyId, String parentId, String previousParentId, LocalDate placedOn) {
}
