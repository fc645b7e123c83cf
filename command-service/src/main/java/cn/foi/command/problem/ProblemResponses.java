package cn.foi.command.problem;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Every refused call answers application/problem+json with a detail a person understands. */
@RestControllerAdvice
// before Spring Boot's own problem-details advice, whose details are English and generic
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 10)
public class ProblemResponses {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler(InvalidInput.class)
    ProblemDetail invalid(InvalidInput e) {
        return problem(HttpStatus.BAD_REQUEST, "请求内容有误 (invalid input)", e.getMessage());
    }

    @ExceptionHandler({NotFound.class, AggregateNotFoundException.class})
    ProblemDetail notFound(RuntimeException e) {
        String detail = e instanceof NotFound ? e.getMessage() : "申请不存在 (unknown request)";
        return problem(HttpStatus.NOT_FOUND, "未找到 (not found)", detail);
    }

    @ExceptionHandler(StateConflict.class)
    ProblemDetail conflict(StateConflict e) {
        return problem(HttpStatus.CONFLICT, "当前状态不允许此操作 (conflict)", e.getMessage());
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrent(ConcurrencyException e) {
        return problem(HttpStatus.CONFLICT, "当前状态不允许此操作 (conflict)",
                       "该记录已被同时修改或已存在，请刷新后重试 (changed concurrently or already exists)");
    }

    @ExceptionHandler(RuleViolation.class)
    ProblemDetail rule(RuleViolation e) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "违反办理规则 (rule violated)", e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return problem(HttpStatus.BAD_REQUEST, "请求内容有误 (invalid input)", describe(e.getCause()));
    }

    /** A body Jackson could read but not bind (e.g. a field it cannot construct). */
    @ExceptionHandler(org.springframework.http.converter.HttpMessageConversionException.class)
    ProblemDetail unconvertible(org.springframework.http.converter.HttpMessageConversionException e) {
        return problem(HttpStatus.BAD_REQUEST, "请求内容有误 (invalid input)", describe(e.getCause()));
    }

    @ExceptionHandler(TooLarge.class)
    ProblemDetail tooLarge(TooLarge e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "内容过大 (payload too large)", e.getMessage());
    }

    @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
    ProblemDetail uploadTooLarge(org.springframework.web.multipart.MaxUploadSizeExceededException e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "内容过大 (payload too large)", "文件超过 20 MB，未保存 (the file is larger than 20 MB)");
    }

    @ExceptionHandler(UnsupportedType.class)
    ProblemDetail unsupportedType(UnsupportedType e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "不支持的文件类型 (unsupported media type)", e.getMessage());
    }

    @ExceptionHandler({org.springframework.web.multipart.support.MissingServletRequestPartException.class,
                       org.springframework.web.multipart.MultipartException.class})
    ProblemDetail noFile(Exception e) {
        return problem(HttpStatus.BAD_REQUEST, "请求内容有误 (invalid input)",
                       "请以 multipart/form-data 上传一个文件，字段名为 file (one file in the multipart field 'file')");
    }

    @ExceptionHandler(Unavailable.class)
    ProblemDetail unavailable(Unavailable e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "服务暂不可用 (service unavailable)", e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "请求内容有误 (invalid input)",
                       "路径参数 " + e.getName() + " 的值 \"" + e.getValue() + "\" 无效 (invalid path parameter)");
    }

    @ExceptionHandler(CommandExecutionException.class)
    ProblemDetail execution(CommandExecutionException e) {
        log.error("Command failed", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "内部错误 (internal error)",
                       "处理失败，未记录任何内容 (nothing was recorded)");
    }

    static String describe(Throwable cause) {
        if (cause instanceof InvalidFormatException invalid) {
            String field = path(invalid);
            Class<?> target = invalid.getTargetType();
            if (target != null && target.isEnum()) {
                String allowed = Arrays.stream(target.getEnumConstants()).map(Object::toString)
                                       .collect(Collectors.joining(", "));
                return "字段 " + field + " 的值 \"" + invalid.getValue() + "\" 不是有效代码；可选值: " + allowed
                       + " (unknown code)";
            }
            return "字段 " + field + " 的值 \"" + invalid.getValue() + "\" 格式无效"
                   + (target != null && target.getSimpleName().equals("LocalDate") ? "，日期格式应为 yyyy-MM-dd" : "")
                   + " (invalid value)";
        }
        if (cause instanceof MismatchedInputException mismatched) {
            return "字段 " + path(mismatched) + " 的类型不正确 (wrong type)";
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return "字段 " + path(mapping) + " 无效 (invalid field)";
        }
        return "请求体不是有效的 JSON (malformed JSON body)";
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    /** The answer one call would have had for this failure: for the items of a batch, each answered on its own. */
    public ProblemDetail of(Throwable failure) {
        Throwable e = failure;
        while ((e instanceof java.util.concurrent.CompletionException || e instanceof java.util.concurrent.ExecutionException)
               && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof InvalidInput invalid) {
            return invalid(invalid);
        } else if (e instanceof NotFound || e instanceof AggregateNotFoundException) {
            return notFound((RuntimeException) e);
        } else if (e instanceof StateConflict conflict) {
            return conflict(conflict);
        } else if (e instanceof ConcurrencyException concurrency) {
            return concurrent(concurrency);
        } else if (e instanceof RuleViolation violation) {
            return rule(violation);
        }
        log.error("Command failed", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "内部错误 (internal error)", "处理失败，未记录任何内容 (nothing was recorded)");
    }

    public static ProblemDetail problem(HttpStatus status, String title, String detail) {
        return cn.foi.access.ProblemText.problem(status, title, detail);
    }
}
