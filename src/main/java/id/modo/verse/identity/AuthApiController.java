package id.modo.verse.identity;

import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.common.web.ClientInfo;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Authentication", description = "Sign up, sign in and out with bearer tokens")
@RestController
@RequestMapping("/api/v1/auth")
class AuthApiController {

    private final Accounts accounts;
    private final SignIn signIn;

    AuthApiController(Accounts accounts, SignIn signIn) {
        this.accounts = accounts;
        this.signIn = signIn;
    }

    record RegisterRequest(@NotBlank @Email @Size(max = 255) String email, @NotNull @Size(max = 1000) String password,
            @NotBlank @Size(max = 255) String name) {
    }

    record LoginRequest(@NotBlank @Size(max = 255) String email, @NotNull @Size(max = 1000) String password) {
    }

    record TokenRequest(@NotBlank @Size(max = 200) String token) {
    }

    record ResetRequest(@NotBlank @Size(max = 255) String email) {
    }

    record ResetConfirmRequest(@NotBlank @Size(max = 200) String token, @NotNull @Size(max = 1000) String password) {
    }

    record LoginResponse(String token, String tokenType, Instant expiresAt, MeApiController.AccountResponse user) {
    }

    @PostMapping("/register")
    @ResponseStatus(HttpStatus.CREATED)
    MeApiController.AccountResponse register(@Valid @RequestBody RegisterRequest request, HttpServletRequest http) {
        return MeApiController.AccountResponse.of(accounts.register(request.email(), request.password(), request.name(), ClientInfo.of(http)));
    }

    @PostMapping("/login")
    LoginResponse login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        return switch (signIn.signIn(request.email(), request.password(), ClientInfo.of(http), "api")) {
            case SignIn.Succeeded ok -> new LoginResponse(ok.session().token(), "Bearer", ok.session().expiresAt(),
                    MeApiController.AccountResponse.of(ok.account()));
            case SignIn.Failed failed -> throw new ProblemException(IdentityProblems.INVALID_CREDENTIALS, "The email or the password is wrong.");
            case SignIn.Suspended suspended -> throw new ProblemException(IdentityProblems.ACCOUNT_SUSPENDED,
                    "This account is suspended. Contact the platform's support.");
        };
    }

    @PostMapping("/verify-email")
    MeApiController.AccountResponse verifyEmail(@Valid @RequestBody TokenRequest request) {
        return MeApiController.AccountResponse.of(accounts.verifyEmail(request.token()));
    }

    /** Always 202, whether or not the email has an account. */
    @PostMapping("/password-reset")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void requestPasswordReset(@Valid @RequestBody ResetRequest request, HttpServletRequest http) {
        accounts.requestPasswordReset(request.email(), ClientInfo.of(http));
    }

    @PostMapping("/password-reset/confirm")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void confirmPasswordReset(@Valid @RequestBody ResetConfirmRequest request) {
        accounts.resetPassword(request.token(), request.password());
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(@AuthenticationPrincipal CurrentUser caller) {
        if (caller == null) {
            throw new ProblemException(ProblemType.UNAUTHORIZED, "Sign in to use this resource.");
        }
        signIn.signOut(caller);
    }
}
