package io.drover.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenAuthenticatorTest {

    private static final ClusterSecret SECRET = ClusterSecret.of("the-cluster-secret-0001");
    private static final AuthProperties.NamedToken ALICE =
            new AuthProperties.NamedToken("alice", "alice-token-0000000001", Role.SUBMIT);
    private static final AuthProperties.NamedToken CAROL =
            new AuthProperties.NamedToken("carol", "carol-token-0000000003", Role.VIEW);
    private final TokenAuthenticator authenticator = new TokenAuthenticator(SECRET, List.of(ALICE, CAROL));

    @Test
    void theClusterSecretIsAdminAndSpeaksTheWorkerProtocol() {
        assertThat(authenticator.authenticate("the-cluster-secret-0001"))
                .hasValue(new DroverPrincipal("cluster", Role.ADMIN, true));
    }

    @Test
    void aNamedTokenCarriesItsNameAndRole() {
        assertThat(authenticator.authenticate("alice-token-0000000001"))
                .hasValue(new DroverPrincipal("alice", Role.SUBMIT, false));
    }

    @Test
    void aDriversTokenIsSubmitUnderTheDriversName() {
        String token = authenticator.driverTokens().issue("driver-20261122080000-0001");

        assertThat(authenticator.authenticate(token))
                .hasValue(new DroverPrincipal("driver/driver-20261122080000-0001", Role.SUBMIT, false));
    }

    @Test
    void aDriversTokenForgedForAnotherDriverIsRefused() {
        String token = authenticator.driverTokens().issue("driver-20261122080000-0001");
        String forged = token.replace("0001.", "0002.");

        assertThat(authenticator.authenticate(forged)).isEmpty();
    }

    @Test
    void aDriversTokenFromAnotherClusterIsRefused() {
        String foreign = new DriverTokens(ClusterSecret.of("another-clusters-secret")).issue("driver-20261122080000-0001");

        assertThat(authenticator.authenticate(foreign)).isEmpty();
    }

    @Test
    void anythingElseIsNobody() {
        assertThat(authenticator.authenticate("alice-token-000000000")).isEmpty();
        assertThat(authenticator.authenticate("")).isEmpty();
        assertThat(authenticator.authenticate(null)).isEmpty();
    }

    @Test
    void aTokenThatIsAlsoTheClusterSecretIsAConfigurationError() {
        var clash = new AuthProperties.NamedToken("eve", "the-cluster-secret-0001", Role.VIEW);

        assertThatThrownBy(() -> new TokenAuthenticator(SECRET, List.of(clash))).hasMessageContaining("eve");
    }

    @Test
    void reservedOrRepeatedNamesAreConfigurationErrors() {
        var cluster = new AuthProperties.NamedToken("cluster", "some-other-token-0001", Role.VIEW);
        var twice = new AuthProperties.NamedToken("alice", "some-other-token-0002", Role.VIEW);

        assertThatThrownBy(() -> new TokenAuthenticator(SECRET, List.of(cluster))).hasMessageContaining("reserved");
        assertThatThrownBy(() -> new TokenAuthenticator(SECRET, List.of(ALICE, twice))).hasMessageContaining("alice");
    }

    @Test
    void aSubmitTokenMayChangeOnlyItsOwnAndAdminAnything() {
        DroverPrincipal alice = new DroverPrincipal("alice", Role.SUBMIT, false);
        DroverPrincipal carol = new DroverPrincipal("carol", Role.VIEW, false);
        DroverPrincipal admin = new DroverPrincipal("root", Role.ADMIN, false);

        assertThat(alice.mayChange("alice")).isTrue();
        assertThat(alice.mayChange("bob")).isFalse();
        assertThat(carol.mayChange("carol")).isFalse();
        assertThat(admin.mayChange("bob")).isTrue();
    }
}
