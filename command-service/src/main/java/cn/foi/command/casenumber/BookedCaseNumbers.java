package cn.foi.command.casenumber;

import cn.foi.command.agency.AgencyDirectory;
import org.axonframework.modelling.command.Repository;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Case numbers from the year's {@link CaseBook}, written with the agency's pattern of the moment. */
@Component
public class BookedCaseNumbers implements CaseNumbers {

    private final Repository<CaseBook> books;
    private final AgencyDirectory agencies;

    public BookedCaseNumbers(@Lazy Repository<CaseBook> caseBookRepository, AgencyDirectory agencies) {
        this.books = caseBookRepository;
        this.agencies = agencies;
    }

    @Override
    public String issue(String agencyId, int year, String requestId) {
        var pattern = agencies.caseNumberPatternOf(agencyId);
        try {
            return books.loadOrCreate(CaseBook.idOf(agencyId, year), CaseBook::new)
                        .invoke(book -> book.issue(agencyId, year, requestId, pattern));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Could not read the case book of " + agencyId + " " + year, e);
        }
    }
}
