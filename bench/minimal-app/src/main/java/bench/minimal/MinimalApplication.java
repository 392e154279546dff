package bench.minimal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** One entity, one migration, on an embedded PostgreSQL kept under {@code MODO_DATA_DIR}. */
@SpringBootApplication
public class MinimalApplication {

    public static void main(String[] args) {
        SpringApplication.run(MinimalApplication.class, args);
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${MODO_DATA_DIR:./data}") Path dataDir) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDir.resolve("postgres"))
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .start();
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        return postgres.getPostgresDatabase();
    }

    /** Health is public, as on the platform; everything else asks for a login. */
    @Bean
    SecurityFilterChain security(HttpSecurity http) {
        return http.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health/**").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .build();
    }
}
