package io.kubelite.apiserver;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The kube-lite API server: Kubernetes-shaped REST API and watch streams over the shared store. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ApiServerApplication {

    public static void main(String[] args) {
        SpringApplication.run(ApiServerApplication.class, args);
    }
}
