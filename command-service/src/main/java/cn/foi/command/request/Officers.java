package cn.foi.command.request;

import java.util.List;
import java.util.Optional;

/** The people who may handle an agency's requests: its officers and supervisors, not disabled. */
public interface Officers {

    /** The user's shown name, when {@code username} may handle the agency's requests. */
    Optional<String> officerOf(String agencyId, String username);

    record Officer(String username, String name) {
    }

    List<Officer> of(String agencyId);
}
