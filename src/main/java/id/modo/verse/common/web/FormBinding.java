package id.modo.verse.common.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.core.MethodParameter;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DataBinder;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.SmartValidator;
import org.springframework.validation.Validator;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.support.BindParamNameResolver;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.PropertyNamingStrategy;
import tools.jackson.databind.json.JsonMapper;

/**
 * Page forms bind the API's request records: a form posts {@code display_name} as the JSON has it, and the record's
 * {@code displayName} takes it, because each constructor parameter is looked up under the name the app's JSON mapper
 * gives the property ({@code @BindParam} still wins). The validation errors are named the same way, so a page finds
 * the error of {@code display_name} under that name whether conversion or a constraint refused it. API requests keep
 * Spring's own names: their bodies are read by Jackson, and their query parameters are declared one by one.
 */
@ControllerAdvice
class FormBinding {

    private final PropertyNamingStrategies.NamingBase naming;

    FormBinding(JsonMapper appMapper) {
        this.naming = naming(appMapper.serializationConfig().getPropertyNamingStrategy());
    }

    @InitBinder
    void bindFormsByWireNames(WebDataBinder binder, HttpServletRequest request) {
        if (!Requests.isApi(Requests.originalPath(request))) {
            forms(binder, naming);
        }
    }

    /** Makes {@code binder} read and report fields under their wire names; null naming leaves the declared names. */
    static void forms(DataBinder binder, PropertyNamingStrategies.NamingBase naming) {
        if (naming == null) {
            return;
        }
        BindParamNameResolver declared = new BindParamNameResolver();
        binder.setNameResolver((MethodParameter parameter) -> {
            String name = declared.resolveName(parameter);
            String parameterName = parameter.getParameterName();
            return name != null || parameterName == null ? name : naming.nameForField(null, null, parameterName);
        });
        List<Validator> validators = binder.getValidators();
        binder.replaceValidators(validators.stream().map(validator -> new WireNamedErrors(validator, naming)).toArray(Validator[]::new));
    }

    static PropertyNamingStrategies.NamingBase naming(PropertyNamingStrategy strategy) {
        if (strategy == null || strategy instanceof PropertyNamingStrategies.NamingBase) {
            return (PropertyNamingStrategies.NamingBase) strategy;
        }
        throw new IllegalStateException("Page forms cannot follow the JSON naming strategy " + strategy.getClass().getName()
                + ": only PropertyNamingStrategies.NamingBase strategies translate a name on its own");
    }

    /** Reports a validator's field errors under the fields' wire names ({@code brandLogos[2]} as {@code brand_logos[2]}). */
    private record WireNamedErrors(Validator validator, PropertyNamingStrategies.NamingBase naming) implements SmartValidator {

        @Override
        public boolean supports(Class<?> type) {
            return validator.supports(type);
        }

        @Override
        public void validate(Object target, Errors errors) {
            validate(target, errors, new Object[0]);
        }

        @Override
        public void validate(Object target, Errors errors, Object... hints) {
            BindingResult found = new BeanPropertyBindingResult(target, errors.getObjectName());
            if (validator instanceof SmartValidator smart) {
                smart.validate(target, found, hints);
            } else {
                validator.validate(target, found);
            }
            if (!(errors instanceof BindingResult result)) {
                errors.addAllErrors(found);
                return;
            }
            for (ObjectError error : found.getAllErrors()) {
                result.addError(error instanceof FieldError field
                        ? new FieldError(field.getObjectName(), wireName(field.getField()), field.getRejectedValue(), field.isBindingFailure(),
                                field.getCodes(), field.getArguments(), field.getDefaultMessage())
                        : error);
            }
        }

        private String wireName(String path) {
            return Arrays.stream(path.split("\\.")).map(part -> {
                int index = part.indexOf('[');
                return index < 0 ? naming.nameForField(null, null, part)
                        : naming.nameForField(null, null, part.substring(0, index)) + part.substring(index);
            }).collect(Collectors.joining("."));
        }
    }
}
