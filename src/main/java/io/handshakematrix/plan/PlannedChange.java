package io.handshakematrix.plan;

import io.handshakematrix.config.ConfigSsl;
import io.handshakematrix.config.ReceiverSetting;
import java.nio.file.Path;
import java.util.List;

/**
 * A change planned for the window: a host or a group ({@code target}, expanded to {@code hosts}) moves to a
 * new stack, a new configssl.cnf, or a new legacy-settings MinimumDHBits. Exactly one of the three is set.
 * {@code origin} is where it was written ("fleet.yaml:31" or "--change").
 */
public record PlannedChange(String target, List<String> hosts, String stack, Path configFile, ConfigSsl config,
                            ReceiverSetting receiver, Integer minDhBits, String origin) {

    public Host apply(Host h) {
        if (!hosts.contains(h.name())) {
            return h;
        }
        if (stack != null) {
            return h.withStack(stack);
        }
        if (configFile != null) {
            return h.withConfig(configFile, config, receiver);
        }
        return h.withMinDhBits(minDhBits);
    }

    /** "senders: stack -> ft-bundled-rhel7.7" */
    public String describe() {
        String what = stack != null ? "stack -> " + stack
                : configFile != null ? "configssl.cnf -> " + configFile
                : "MinimumDHBits -> " + minDhBits;
        return target + ": " + what;
    }
}
