package org.masthead;

import org.masthead.platform.BackupCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class MastheadApplication {

    public static void main(String[] args) {
        if (BackupCommand.isAskedFor(args)) {
            System.exit(BackupCommand.run(args));
        }
        SpringApplication.run(MastheadApplication.class, args);
    }
}
