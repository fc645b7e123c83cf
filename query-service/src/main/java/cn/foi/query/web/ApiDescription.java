package cn.foi.query.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the API page (/swagger-ui/index.html) and the OpenAPI document call this service. */
@Configuration
class ApiDescription {

    @Bean
    OpenAPI queryApi() {
        return new OpenAPI().info(new Info().title("政府信息公开申请办理 · 查询服务").version("v1")
                .description("统计表（表二、表三、表四）、申请状态与事件历史、待办、审计与投影完整性；请求须以 HTTP Basic 或登录会话认证。"));
    }
}
