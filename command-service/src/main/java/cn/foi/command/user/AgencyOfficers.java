package cn.foi.command.user;

import cn.foi.access.Role;
import cn.foi.access.UserAccount;
import cn.foi.access.UserStore;
import cn.foi.command.request.Officers;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Officers from the user store: OFFICER or SUPERVISOR, granted the agency (or every agency), not disabled. */
@Component
class AgencyOfficers implements Officers {

    private final UserStore users;

    AgencyOfficers(UserStore users) {
        this.users = users;
    }

    @Override
    public Optional<String> officerOf(String agencyId, String username) {
        return users.find(username).filter(account -> handles(account, agencyId)).map(UserAccount::shownName);
    }

    @Override
    public List<Officer> of(String agencyId) {
        return users.all().stream().filter(account -> handles(account, agencyId))
                    .map(account -> new Officer(account.username(), account.shownName()))
                    .sorted(Comparator.comparing(Officer::username)).toList();
    }

    private static boolean handles(UserAccount account, String agencyId) {
        return !account.disabled() && account.grantedAgency(agencyId)
               && (account.roles().contains(Role.OFFICER) || account.roles().contains(Role.SUPERVISOR));
    }
}
