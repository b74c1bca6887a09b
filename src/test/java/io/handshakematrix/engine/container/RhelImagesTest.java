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
 * images/rhel-* need their CentOS or UBI base image from a registry (nothing here pulls one): skipped with that reason
 * while the base is absent (CI here has no registry either). Where it is present, the folder's image is built (with its
 * shim wrapper: 1.0.x's, the one Openssl10WrapperTest checks against a stand-in, or 1.1.1/3.x's) and its OpenSSL must
 * print the version string the emulated profile claims; a release with crypto policies must run under DEFAULT, the
 * level the folder sets unless built with another.
 */
class RhelImagesTest {
    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"rhel-6.10, centos:6.10", "rhel-7.7, centos:7.7.1908",
            "rhel-8.10, registry.access.redhat.com/ubi8/ubi:8.10", "rhel-9.4, registry.access.redhat.com/ubi9/ubi:9.4",
            "rhel-10.0, registry.access.redhat.com/ubi10/ubi:10.0"})
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
            if (ProfileCatalog.builtin().get(profile).hasPolicies()) {
                assertEquals("DEFAULT", c.execInContainer("update-crypto-policies", "--show").getStdout().strip());
            }
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
