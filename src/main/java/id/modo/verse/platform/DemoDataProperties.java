package id.modo.verse.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code modo.demo.enabled}: seed the demo on an empty database at start. */
@ConfigurationProperties("modo.demo")
record DemoDataProperties(boolean enabled) {
}
