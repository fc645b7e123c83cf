package cn.foi.command.agency;

/** What a request needs to know of its agency: that it exists and which years are closed. */
public interface AgencyDirectory {

    boolean exists(String agencyId);

    boolean isClosed(String agencyId, int year);
}
