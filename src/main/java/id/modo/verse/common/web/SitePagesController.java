package id.modo.verse.common.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The public pages of the shell: the landing page and the about page. */
@Controller
class SitePagesController {

    @GetMapping("/")
    String home() {
        return "site/home";
    }

    @GetMapping("/about")
    String about() {
        return "site/about";
    }
}
