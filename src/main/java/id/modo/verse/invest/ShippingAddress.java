package id.modo.verse.invest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Where a physical reward goes, as the investor gives it; {@code country} an ISO 3166-1 alpha-2 code (checked in full by the service). */
public record ShippingAddress(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 255) String street,
        @NotBlank @Size(max = 100) String city,
        @NotBlank @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9 -]{1,10}$", message = "must be a postal code of 2 to 11 letters and digits") String postalCode,
        @NotBlank @Pattern(regexp = "^[A-Z]{2}$", message = "must be an ISO 3166-1 alpha-2 country code such as ID") String country,
        @NotBlank @Pattern(regexp = "^\\+?[0-9][0-9 ()-]{5,19}$", message = "must be a phone number such as +62 812 3456 7890") String phone) {
}
