package io.handshakematrix.engine.container;

import io.handshakematrix.dh.DhGroup;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * A long-lived container of one stack image, in one role, shared by every cell of a run: the tools run in it
 * with docker exec, one process per handshake. Host network only (the tools listen and connect on
 * 127.0.0.1); the image is a local tag from images/build.sh and is never pulled.
 */
abstract class StackContainer extends GenericContainer<StackContainer> {
    static final String WORK = "/tmp/hm";
    private final Set<String> copiedGroups = new HashSet<>();

    StackContainer(String image) {
        super(DockerImageName.parse(image));
        withNetworkMode("host");
        // The container only hosts exec'd tools: a certificate for the servers and the ping the clients send.
        withCommand("/bin/sh", "-c", "mkdir -p " + WORK + " && cd " + WORK
                + " && openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=localhost -days 30"
                + " -keyout key.pem -out cert.pem 2>/dev/null && printf 'PING\\n' > ping && echo hm-ready"
                + " && exec sleep infinity");
        // Ready when the certificate exists: exec'd servers need it at once.
        waitingFor(Wait.forLogMessage(".*hm-ready.*", 1));
    }

    /** Writes a DH group as PKCS#3 PEM into the container once per run; returns its path there. */
    synchronized String dhParamsFile(DhGroup group) throws IOException {
        String path = WORK + "/dh-" + group.name().replaceAll("[^A-Za-z0-9._-]", "_") + ".pem";
        if (copiedGroups.add(path)) {
            copyFileToContainer(Transferable.of(pkcs3Pem(group.p(), group.g())), path);
        }
        return path;
    }

    ContainerProcess exec(String shellCommand) {
        return ContainerProcess.start(getDockerClient(), getContainerId(), shellCommand);
    }

    private static String pkcs3Pem(BigInteger p, BigInteger g) throws IOException {
        byte[] der = new DERSequence(new ASN1Encodable[] {new ASN1Integer(p), new ASN1Integer(g)}).getEncoded();
        StringWriter w = new StringWriter();
        try (PemWriter pem = new PemWriter(w)) {
            pem.writeObject(new PemObject("DH PARAMETERS", der));
        }
        return w.toString();
    }

    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
