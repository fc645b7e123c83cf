package cn.foi.command.agency;

import cn.foi.command.config.ReadOnlyUnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Reads the agency aggregate itself (cached), inside the caller's unit of work, so a decision and a year
 * close of the same agency see each other's outcome.
 */
@Component
class RepositoryAgencyDirectory implements AgencyDirectory {

    private final Repository<Agency> agencies;

    RepositoryAgencyDirectory(@Lazy Repository<Agency> agencyRepository) {
        this.agencies = agencyRepository;
    }

    @Override
    public boolean exists(String agencyId) {
        return ReadOnlyUnitOfWork.read(() -> {
            try {
                agencies.load(agencyId);
                return true;
            } catch (AggregateNotFoundException e) {
                return false;
            }
        });
    }

    @Override
    public boolean isClosed(String agencyId, int year) {
        return ReadOnlyUnitOfWork.read(() -> agencies.load(agencyId).invoke(agency -> agency.isClosed(year)));
    }

    @Override
    public String parentOf(String agencyId) {
        return ReadOnlyUnitOfWork.read(() -> {
            try {
                return agencies.load(agencyId).invoke(Agency::parentId);
            } catch (AggregateNotFoundException e) {
                return null;
            }
        });
    }

    @Override
    public cn.foi.events.casenumber.CaseNumberPattern caseNumberPatternOf(String agencyId) {
        return ReadOnlyUnitOfWork.read(() -> agencies.load(agencyId).invoke(Agency::caseNumberPattern));
    }
}
