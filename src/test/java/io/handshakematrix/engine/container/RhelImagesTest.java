package io.handshakematrix.engine.container;

import io.handshakematrix.TestEnvironment;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.handshakematrix.profile.ProfileCatalog;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;

/**
 * images/rhel-* need their CentOS base image from a registry (nothing here pulls one): skipped with that reason
 * while the base is absent (CI here has no registry either). Where it is present, the folder's image is built (with its
 * 1.0.x shim wrapper, the
 * one Openssl10WrapperTest checks against a stand-in) and its OpenSSL must print the version string the
 * emulated profile claims.
 */
class RhelImagesTest {
    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"rhel-6.10, centos:6.10", "rhel-7.7, centos:7.7.1908"})
    void realRhelOpensslMatchesItsProfile(String profile, String base) throws Exception {
        try (ContainerTier tier = new ContainerTier()) {
            TestEnvironment.require(tier.dockerProblem().isEmpty(), () -> "no Docker: " + tier.dockerProblem().orElse(""));
        }
        DockerClient docker = DockerClientFactory.instance().client();
        TestEnvironment.requireRegistryImage(present(docker, base), () -> "base image " + base + " is absent (docker pull " + base
                + " where a container registry answers); images/" + profile + " is for users who have one");
        String tag = new ImageBuilder(docker).ensure(ShimTier.folder(profile, ShimTier.IMAGES));
        try (GenericContainer<?> c = new GenericContainer<>(tag).withNetworkMode("host")
                .withCommand("sleep", "infinity")) {
            c.start();
            String version = c.execInContainer("openssl", "version").getStdout().strip();
            assertEquals(ProfileCatalog.builtin().get(profile).versionString(), version);
        }
    }

    private static boolean present(DockerClient docker, String image) {
        try {
            docker.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}
