package id.modo.verse.studio.section;

import id.modo.verse.common.ProblemException;
import id.modo.verse.common.web.Ui;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;

/**
 * The "save a part" flow of the character and universe pages. With htmx the answer is the part's form alone, saved or
 * refused; without it a save redirects to the page and a refusal renders the whole page with the refused form in place,
 * so the page works with scripts off. Either way a refused form keeps what the person typed.
 *
 * @param save saves the posted part; a {@link ProblemException} refuses it
 * @param current the part's owner (the character or universe) as it is now, after a refused save
 * @param form the part's form for an owner
 * @param savedLocation where a browser without htmx goes after a save
 * @param refusedPage puts the whole page, with the refused form in place of the part's, into the model and answers its template
 * @param <V> what the section's service answers: the saved character or universe
 */
public record PartSave<V>(Supplier<V> save, Supplier<V> current, Function<V, StudioPartForm> form, String savedLocation,
        BiFunction<V, StudioPartForm, String> refusedPage) {

    /** Runs the flow and answers the view to render (or the redirect). */
    public String answer(MultiValueMap<String, String> posted, Ui ui, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        boolean htmx = request.getHeader("HX-Request") != null;
        StudioPartForm answer;
        try {
            V saved = save.get();
            if (!htmx) {
                return "redirect:" + savedLocation;
            }
            answer = PartForms.saved(form.apply(saved), ui);
        } catch (ProblemException e) {
            if (!PartForms.refusedInForm(e)) {
                throw e;
            }
            V now = current.get();
            answer = PartForms.refused(PartForms.keeping(form.apply(now), posted), e, ui);
            response.setStatus(e.type().status().value());
            if (!htmx) {
                return refusedPage.apply(now, answer);
            }
        }
        model.addAttribute("form", answer);
        return "studio/part-form";
    }
}
