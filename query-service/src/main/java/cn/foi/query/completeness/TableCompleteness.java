package cn.foi.query.completeness;

import cn.foi.query.table.AnnualTable;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;


/**
 * Every answer about an annual table (an agency's, a government's roll-up, the whole report as it stands) says whether the projection it was counted from holds every event stored up
 * to the store's head: JSON answers carry {@code completeness}, every format the header {@code Foi-Projection-Complete}.
 * A figure from an incomplete projection is then never mistaken for a final one.
 */
@ControllerAdvice
class TableCompleteness implements ResponseBodyAdvice<Object> {

    static final String HEADER = "Foi-Projection-Complete";
    private final CompletenessCheck check;

    TableCompleteness(CompletenessCheck check) {
        this.check = check;
    }

    /** The table's own fields, then {@code completeness}: written in one pass, no copy of the table. */
    record TableAnswer(@com.fasterxml.jackson.annotation.JsonUnwrapped AnnualTable table, CompletenessCheck.Status completeness) {
    }

    /** Any other table answer (as of a moment, the printed grid, a drill-down): its fields, then {@code completeness}. */
    record Answer(@com.fasterxml.jackson.annotation.JsonUnwrapped Record answer, CompletenessCheck.Status completeness) {
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        String path = request.getURI().getPath();
        if (!path.matches("/api/agencies/[^/]+/(annual-tables/[^/]+(/cells/.*)?|roll-up/[^/]+|annual-reports/[^/]+)")) {
            return body;
        }
        CompletenessCheck.Status status = check.status(); // from memory: the watch reads the store, never a table answer
        response.getHeaders().set(HEADER, String.valueOf(status.complete()));
        if (body instanceof AnnualTable table) {
            return new TableAnswer(table, status);
        }
        if (body instanceof Record answer) {
            return new Answer(answer, status);
        }
        return body;
    }
}
