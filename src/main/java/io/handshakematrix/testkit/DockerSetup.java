package io.handshakematrix.testkit;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * Testcontainers' two settings for a Docker engine without a bridge network (host networking only, as on the
 * machines this harness is built on): without them Testcontainers fails with "network bridge not found" (its
 * default host lookup and its Ryuk container use the bridge). It reads both from the environment only
 * (System.getenv, checked in 1.21.3), so a test cannot set them itself: the build must (surefire's
 * environmentVariables). The CLI sets them for itself (cli/TestcontainersEnvironment).
 */
final class DockerSetup {
    static final Map<String, String> FOR_NO_BRIDGE = Map.of(
            "TESTCONTAINERS_RYUK_DISABLED", "true",
            "TESTCONTAINERS_HOST_OVERRIDE", "localhost");

    private DockerSetup() {}

    /** The one-line advice when {@code e} is the missing-bridge failure and a variable is unset; else {@code e}. */
    static RuntimeException explain(RuntimeException e) {
        String unset = FOR_NO_BRIDGE.entrySet().stream().filter(v -> isBlank(System.getenv(v.getKey())))
                .map(v -> v.getKey() + "=" + v.getValue()).sorted().collect(Collectors.joining(" "));
        if (unset.isEmpty() || !mentionsBridge(e)) {
            return e;
        }
        return new IllegalStateException("this Docker engine has no bridge network: set " + unset
                + " in the test's environment (surefire/failsafe <environmentVariables>)", e);
    }

    private static boolean mentionsBridge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (m.contains("bridge")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
