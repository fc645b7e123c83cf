package cn.foi.command.register;

/** Looks up the requests of an agency; always up to date with every event stored so far. */
public interface RequestRegister {

    AgencyBook bookOf(String agencyId);
}
