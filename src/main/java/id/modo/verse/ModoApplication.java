package id.modo.verse;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "common")
public class ModoApplication {

    public static void main(String[] args) {
        SpringApplication.run(ModoApplication.class, args);
    }
}
