package io.switchboard.directory;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.directory.DirectoryApi.Admin;
import org.junit.jupiter.api.Test;

import static io.switchboard.directory.DirectoryApi.PASSWORD;
import static io.switchboard.directory.DirectoryApi.bootstrap;
import static io.switchboard.directory.DirectoryApi.signIn;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
class SignInTest {

    @Test
    void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne() {
        Admin admin = bootstrap();
        for (int i = 1; i <= 4; i++) {
            signIn(admin.email(), "wrong password " + i).then().statusCode(401).contentType("application/problem+json");
        }
        signIn(admin.email(), "wrong password 5").then().statusCode(429).contentType("application/problem+json")
                .body("detail", containsString("locked until"));
        signIn(admin.email(), PASSWORD).then().statusCode(429);
    }

    @Test
    void aSuccessfulSignInResetsTheCountOfFailures() {
        Admin admin = bootstrap();
        for (int round = 0; round < 2; round++) {
            for (int i = 1; i <= 4; i++) {
                signIn(admin.email(), "wrong password " + i).then().statusCode(401);
            }
            signIn(admin.email(), PASSWORD).then().statusCode(200);
        }
    }

    @Test
    void anUnknownEmailAndAWrongPasswordGetTheSameAnswer() {
        Admin admin = bootstrap();
        String wrongPassword = signIn(admin.email(), "not my password").then().statusCode(401).extract().path("detail");
        String unknown = signIn("nobody@" + admin.domain(), "not my password").then().statusCode(401).extract().path("detail");
        org.assertj.core.api.Assertions.assertThat(unknown).isEqualTo(wrongPassword);
    }
}
