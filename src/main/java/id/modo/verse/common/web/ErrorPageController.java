package id.modo.verse.common.web;

import id.modo.verse.common.ProblemType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The servlet container's error path: whatever failed outside a controller (unknown routes,
 * rejected requests, filters) lands here. Browsers get the error page in the site's layout,
 * everyone else a problem document.
 */
@Controller
class ErrorPageController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorPageController.class);
    /** Request attributes a filter sets before {@code sendError} to say more than the status does. */
    static final String DETAIL = ErrorPageController.class.getName() + ".detail";
    static final String TYPE = ErrorPageController.class.getName() + ".type";
    /** Set to {@link #CSRF} when Spring Security refused a form whose CSRF token was missing or stale. */
    static final String KIND = ErrorPageController.class.getName() + ".kind";
    static final String CSRF = "csrf";

    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    String page(HttpServletRequest request, HttpServletResponse response, Model model) {
        int status = status(request);
        logIfFailure(request, status);
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("kind", CSRF.equals(request.getAttribute(KIND)) ? CSRF
                : status == 404 || status == 403 ? String.valueOf(status) : status < 500 ? "4xx" : "500");
        // Why a signed-in person was refused (the problem's detail, e.g. "Your role (viewer) … does not allow this");
        // a 404 says nothing more, so it cannot tell a hidden thing from a missing one.
        model.addAttribute("detail", status != 404 && status < 500 && request.getAttribute(DETAIL) instanceof String detail ? detail : null);
        return "site/error";
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        int status = status(request);
        logIfFailure(request, status);
        String path = Requests.originalPath(request);
        ProblemType type = request.getAttribute(TYPE) instanceof ProblemType given && given.status().value() == status
                ? given : ProblemType.forStatus(status);
        ProblemDetail problem = Problems.of(type, request.getAttribute(DETAIL) instanceof String detail ? detail : switch (status) {
            case 404 -> "There is nothing at this address.";
            case 413 -> RequestSizeLimitFilter.BodyTooLargeException.DETAIL;
            case 401 -> "Sign in to use this resource.";
            case 403 -> "You are not allowed to do this.";
            default -> type.title() + ".";
        });
        problem.setInstance(URI.create(path));
        return ResponseEntity.status(type.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static int status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        return code instanceof Integer i && i >= 400 ? i : 500;
    }

    private static void logIfFailure(HttpServletRequest request, int status) {
        Object error = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (status >= 500 && error instanceof Throwable t) {
            log.error("Request to {} failed", Requests.originalPath(request), t);
        }
    }
}
