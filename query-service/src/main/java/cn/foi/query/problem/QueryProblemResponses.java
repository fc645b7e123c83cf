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

    /** What a person reads as the kind of refusal (the English reason phrase goes to the hint). */
    private static final java.util.Map<HttpStatus, String> TITLES = java.util.Map.of(
            HttpStatus.BAD_REQUEST, "请求内容有误 (Bad Request)",
            HttpStatus.NOT_FOUND, "未找到 (Not Found)",
            HttpStatus.CONFLICT, "当前状态不允许此操作 (Conflict)",
            HttpStatus.UNPROCESSABLE_ENTITY, "无法处理所给内容 (Unprocessable Entity)",
            HttpStatus.FORBIDDEN, "无权执行此操作 (Forbidden)",
            HttpStatus.SERVICE_UNAVAILABLE, "暂时无法提供 (Service Unavailable)");

    @ExceptionHandler(QueryProblem.class)
    ProblemDetail problem(QueryProblem e) {
        return cn.foi.access.ProblemText.problem(e.status(), TITLES.getOrDefault(e.status(), "请求未能完成 (request refused)"),
                                                 e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
        return cn.foi.access.ProblemText.problem(HttpStatus.BAD_REQUEST, "请求内容有误 (invalid input)",
                "路径参数 " + e.getName() + " 的值 \"" + e.getValue() + "\" 无效 (invalid path parameter)");
    }
}
