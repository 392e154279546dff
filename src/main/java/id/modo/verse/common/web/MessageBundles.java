package id.modo.verse.common.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * A message bundle per module: Boot's message source reads the shared {@code i18n/messages} ({@code spring.messages.*}),
 * and every other {@code i18n/NAME.properties} on the class path is added to it. A module brings its texts by adding
 * {@code NAME.properties} (English) and {@code NAME_id.properties} (Bahasa Indonesia), without touching a shared file.
 * A key lives in one bundle only (MessagesTests), so the order the bundles are searched in does not matter.
 */
@Configuration(proxyBeanMethods = false)
class MessageBundles {

    static final String LOCATION = "i18n/";

    /** A translation such as {@code studio_id.properties}: the bundle is its base name, so bundle names have no underscore. */
    private static final Pattern TRANSLATION = Pattern.compile(".*_[a-z]{2}(_[A-Z]{2})?\\.properties");

    // Static, as Spring asks of post-processors: it is created before the beans it changes.
    @Bean
    static BeanPostProcessor moduleMessageBundles() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME.equals(name) && bean instanceof ResourceBundleMessageSource source) {
                    source.addBasenames(basenames());
                }
                return bean;
            }
        };
    }

    /** The base name of every bundle in {@value #LOCATION}, e.g. {@code i18n/studio}, sorted. */
    static String[] basenames() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:" + LOCATION + "*.properties");
            return Arrays.stream(files)
                    .map(Resource::getFilename)
                    .filter(Objects::nonNull)
                    .filter(file -> !TRANSLATION.matcher(file).matches())
                    .map(file -> LOCATION + file.substring(0, file.length() - ".properties".length()))
                    .distinct()
                    .sorted()
                    .toArray(String[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the message bundles in " + LOCATION, e);
        }
    }
}
