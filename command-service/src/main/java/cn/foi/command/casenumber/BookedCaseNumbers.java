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
    private final java.util.function.Consumer<String> forgetIfShared;

    @org.springframework.beans.factory.annotation.Autowired
    BookedCaseNumbers(@Lazy Repository<CaseBook> caseBookRepository, AgencyDirectory agencies,
                      cn.foi.command.instances.CommandInstances instances) {
        this.books = caseBookRepository;
        this.agencies = agencies;
        this.forgetIfShared = instances::forgetIfShared;
    }

    /** One instance alone (tests). */
    public BookedCaseNumbers(Repository<CaseBook> caseBookRepository, AgencyDirectory agencies) {
        this.books = caseBookRepository;
        this.agencies = agencies;
        this.forgetIfShared = id -> { };
    }

    @Override
    public String issue(String agencyId, int year, String requestId) {
        var pattern = agencies.caseNumberPatternOf(agencyId);
        // another instance may have numbered since this one cached the book (a bulk entry is not retried whole);
        // within one unit of work the book already loaded is the one used, whatever the cache holds
        forgetIfShared.accept(CaseBook.idOf(agencyId, year));
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
