package id.modo.verse.common.web;

import id.modo.verse.common.ProblemType;
import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Requests that Tomcat rejects before any servlet sees them (a malformed URL such as {@code /%})
 * get a short problem document instead of Tomcat's own HTML page, which names the server version
 * and carries an inline style the CSP would block.
 */
@Component
class TomcatErrorReport implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }

    public static class ProblemReportValve extends ErrorReportValve {

        public ProblemReportValve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            ProblemType type = ProblemType.forStatus(status);
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write("{\"type\":\"" + type.uri() + "\",\"title\":\"" + type.title() + "\",\"status\":" + status
                            + ",\"detail\":\"The server could not read this request.\"}");
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // The client is gone or the response is committed; nothing more can be sent.
            }
        }
    }
}
