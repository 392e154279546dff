package id.modo.verse.common.web;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import gg.jte.springframework.boot.autoconfigure.JteProperties;
import gg.jte.springframework.boot.autoconfigure.JteView;
import gg.jte.springframework.boot.autoconfigure.JteViewResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.view.AbstractUrlBasedView;

/**
 * Pages are rendered into memory as UTF-8 and sent in one write with their Content-Length. The starter's view writes
 * every piece of a template (each tag, each escaped value) to the response's writer, which encodes and checks its
 * buffer per piece: on the catalogue home, about 150 tiles, that was over 40 % of the page's time (bench/README.md,
 * Watch). The templates' static text is compiled to UTF-8 bytes (the jte plugin's binaryStaticContent), and
 * {@link Prerendered} parts are bytes already, so most of a page is copied, not encoded. A page that fails halfway now
 * sends the error page instead of half a page.
 */
@Configuration(proxyBeanMethods = false)
class BufferedJteViews {

    @Bean
    JteViewResolver jteViewResolver(TemplateEngine templateEngine, JteProperties properties) {
        return new JteViewResolver(templateEngine, properties) {
            @Override
            protected AbstractUrlBasedView instantiateView() {
                return new BufferedView(templateEngine);
            }
        };
    }

    static final class BufferedView extends JteView {

        private final TemplateEngine templateEngine;

        BufferedView(TemplateEngine templateEngine) {
            super(templateEngine);
            this.templateEngine = templateEngine;
        }

        @Override
        protected void renderMergedTemplateModel(Map<String, Object> model, HttpServletRequest request, HttpServletResponse response)
                throws Exception {
            Utf8ByteOutput output = new Utf8ByteOutput();
            templateEngine.render(getUrl(), model, output);
            byte[] page = output.toByteArray();
            response.setContentType("text/html");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setContentLength(page.length);
            response.getOutputStream().write(page);
        }
    }
}
