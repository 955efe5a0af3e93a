package io.kubelite.apiserver.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiInfo {

    @Bean
    OpenAPI kubeliteOpenApi() {
        return new OpenAPI()
                .components(new Components())
                .info(new Info()
                        .title("kube-lite API")
                        .version("v1")
                        .description("Kubernetes-shaped API of kube-lite: namespaces, nodes, pods, events (v1) and "
                                + "deployments, replicasets (apps/v1). Failures answer with a Kubernetes Status."));
    }
}
