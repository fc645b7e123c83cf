package cn.foi.command.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the API page (/swagger-ui/index.html) and the OpenAPI document call this service. */
@Configuration
class ApiDescription {

    @Bean
    OpenAPI commandApi() {
        return new OpenAPI().info(new Info().title("政府信息公开申请办理 · 办理服务").version("v1")
                .description("登记机构与申请、答复、补正、征求意见、收费、延期、复议诉讼、年度关闭与用户管理；请求须以 HTTP Basic 认证。"));
    }
}
