package io.handshakematrix.plan;

import io.handshakematrix.config.ConfigSsl;
import io.handshakematrix.config.ReceiverSetting;
import java.nio.file.Path;

/**
 * One host of a fleet as a handshake sees it: its stack, what its configssl.cnf makes it serve when it
 * receives ({@code receiver} null when it has no config: it can only send), and its legacy-settings
 * MinimumDHBits override when it sends (0 for none). {@code line} is where fleet.yaml declares it.
 */
public record Host(String name, String stack, Path configFile, ConfigSsl config, ReceiverSetting receiver,
                   int minDhBits, int line) {

    public Host withStack(String newStack) {
        return new Host(name, newStack, configFile, config, receiver, minDhBits, line);
    }

    public Host withConfig(Path file, ConfigSsl newConfig, ReceiverSetting setting) {
        return new Host(name, stack, file, newConfig, setting, minDhBits, line);
    }

    /** A receiver setting changed by a fix: the config file stays, what it serves is the edited file's. */
    public Host withReceiver(ReceiverSetting setting) {
        return new Host(name, stack, configFile, config, setting, minDhBits, line);
    }

    public Host withMinDhBits(int bits) {
        return new Host(name, stack, configFile, config, receiver, bits, line);
    }

    /** Whether a handshake with this host on either side would differ (the config's path alone does not count). */
    public boolean sameForHandshakes(Host other) {
        return stack.equals(other.stack) && minDhBits == other.minDhBits
                && java.util.Objects.equals(receiverKey(), other.receiverKey());
    }

    private String receiverKey() {
        return receiver == null ? null : receiver.receiveSide() + "|" + receiver.dhGroup();
    }
}
