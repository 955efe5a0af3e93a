package io.kubelite.controller;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The controller manager: the control loops that make the cluster match what its objects declare. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ControllerManagerApplication {

    public static void main(String[] args) {
        SpringApplication.run(ControllerManagerApplication.class, args);
    }
}
