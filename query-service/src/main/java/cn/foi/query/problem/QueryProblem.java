package cn.foi.query.problem;

import org.springframework.http.HttpStatus;

/** A refused query, with the status it answers and a detail for people. */
public class QueryProblem extends RuntimeException {

    private final HttpStatus status;

    public QueryProblem(HttpStatus status, String detail) {
        super(detail);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}
