package cn.foi.query.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Every refused query answers application/problem+json with a detail a person understands. */
@RestControllerAdvice
// before Spring Boot's own problem-details advice, whose details are English and generic
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 10)
class QueryProblemResponses {

    @ExceptionHandler(QueryProblem.class)
    ProblemDetail problem(QueryProblem e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setTitle(e.status().getReasonPhrase());
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "路径参数 " + e.getName() + " 的值 \"" + e.getValue() + "\" 无效 (invalid path parameter)");
        problem.setTitle("请求内容有误 (invalid input)");
        return problem;
    }
}
