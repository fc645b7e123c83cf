package cn.foi.access;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The refusals Spring MVC writes itself (an unknown address, a method or content type the address does not take, a
 * missing parameter), in Chinese like every other refusal; Spring's English words go to the API client's hints.
 * Ordered before Spring Boot's own problem handler ({@code spring.mvc.problemdetails.enabled}, order 0), which would
 * answer them in English; the services' handlers take other exceptions.
 */
@RestControllerAdvice
@Order(-1)
class FrameworkProblems {

    @ExceptionHandler({NoResourceFoundException.class, HttpRequestMethodNotSupportedException.class,
                       HttpMediaTypeNotSupportedException.class, HttpMediaTypeNotAcceptableException.class,
                       ServletRequestBindingException.class})
    ResponseEntity<ProblemDetail> refused(Exception e, HttpServletRequest request) {
        ErrorResponse error = (ErrorResponse) e;
        String title;
        String detail;
        if (e instanceof NoResourceFoundException) {
            title = "地址不存在";
            detail = "没有这个地址：" + request.getRequestURI();
        } else if (e instanceof HttpRequestMethodNotSupportedException method) {
            title = "不支持此请求方法";
            detail = "地址 " + request.getRequestURI() + " 不接受 " + method.getMethod() + " 请求";
        } else if (e instanceof HttpMediaTypeNotSupportedException) {
            title = "不支持此内容类型";
            detail = "请求内容的类型不受支持，请以 application/json 发送";
        } else if (e instanceof HttpMediaTypeNotAcceptableException) {
            title = "无法提供所要求的格式";
            detail = "无法以所要求的格式（Accept）答复";
        } else {
            title = "请求内容有误";
            detail = "请求缺少必需的参数或内容";
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(error.getStatusCode(), detail);
        problem.setTitle(title);
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        problem.setProperty("hint", error.getBody().getDetail());
        problem.setProperty("titleHint", error.getBody().getTitle());
        return ResponseEntity.status(error.getStatusCode()).headers(error.getHeaders()).body(problem);
    }
}
