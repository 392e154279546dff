package id.modo.verse.studio.section;

import id.modo.verse.common.ProblemException;
import id.modo.verse.common.web.Ui;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;

/**
 * The "save a part" flow of the character and universe pages. With htmx the answer is the part's form alone, saved or
 * refused; without it a save redirects to the page and a refusal renders the whole page with the refused form in place,
 * so the page works with scripts off. Either way a refused form keeps what the person typed.
 *
 * @param <V> what the section's service answers: the saved character or universe
 */
public interface PartSave<V> {

    /** Saves the posted part; a {@link ProblemException} refuses it. */
    V save();

    /** The part's owner as it is now, after a refused save. */
    V current();

    /** The part's form for {@code view}. */
    StudioPartForm form(V view);

    /** Where a browser without htmx goes after a save. */
    String savedLocation();

    /** Puts the whole page, with {@code refused} in place of the part's form, into the model and answers its template. */
    String refusedPage(V current, StudioPartForm refused, Model model);

    /** Runs the flow and answers the view to render (or the redirect). */
    default String answer(MultiValueMap<String, String> posted, Ui ui, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        boolean htmx = request.getHeader("HX-Request") != null;
        StudioPartForm form;
        try {
            V saved = save();
            if (!htmx) {
                return "redirect:" + savedLocation();
            }
            form = PartForms.saved(form(saved), ui);
        } catch (ProblemException e) {
            if (!PartForms.refusedInForm(e)) {
                throw e;
            }
            V current = current();
            form = PartForms.refused(PartForms.keeping(form(current), posted), e, ui);
            response.setStatus(e.type().status().value());
            if (!htmx) {
                return refusedPage(current, form, model);
            }
        }
        model.addAttribute("form", form);
        return "studio/part-form";
    }
}
