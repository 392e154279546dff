package id.modo.verse.common.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What /v3/api-docs and Swagger UI say about the API as a whole; each module documents its own endpoints. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI modoOpenApi() {
        return new OpenAPI().info(new Info()
                .title("MODO Creator Verse API")
                .version("v1")
                .description("""
                        The JSON API of MODO Creator Verse, under /api/v1. Keys are snake_case, times ISO-8601 with an \
                        offset, money a decimal string with a currency. Every error is an RFC 9457 problem document \
                        (application/problem+json) whose `type` names the kind of error.""")
                .license(new License().name("Proprietary")));
    }
}
