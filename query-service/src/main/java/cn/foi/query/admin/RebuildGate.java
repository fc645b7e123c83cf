package cn.foi.query.admin;

import cn.foi.query.problem.QueryProblem;
import cn.foi.query.projection.EventConsumer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.function.BooleanSupplier;

/**
 * While every projection is rebuilt from the event log, the read model holds only part of history: a table,
 * a worklist, a request's state or a search would answer wrongly without saying so. Every read of projected
 * data answers 503 until the rebuild is done; the rebuild's own progress, the caller and the calendar stay
 * available.
 */
@Component
class RebuildGate implements WebMvcConfigurer {

    static final String[] ALWAYS_OPEN = {"/api/admin/**", "/api/me", "/api/csrf", "/api/calendar"};

    private final EventConsumer consumer;

    RebuildGate(EventConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(interceptor(() -> consumer.rebuildStatus().running()))
                .addPathPatterns("/api/**").excludePathPatterns(ALWAYS_OPEN);
    }

    static HandlerInterceptor interceptor(BooleanSupplier rebuilding) {
        return new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (rebuilding.getAsBoolean()) {
                    response.setHeader("Retry-After", "5");
                    throw new QueryProblem(HttpStatus.SERVICE_UNAVAILABLE,
                                           "正在从事件日志重建全部投影，数据暂不完整，请稍后再试 (rebuild in progress)");
                }
                return true;
            }
        };
    }
}
