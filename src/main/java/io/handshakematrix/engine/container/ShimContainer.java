package io.handshakematrix.engine.container;

import io.handshakematrix.dh.DhGroup;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
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
 * A long-lived container of one stack image in one role, shared by every cell of a run. Its main process is
 * the image's own {@code hm-shim --idle}, which prepares what every handshake needs (the receiver's
 * certificate) and then prints the shim's ready line; each handshake is one {@code hm-shim --role ...} run in
 * it with docker exec. Host network only (the tools listen and connect on 127.0.0.1); the image is a local tag
 * and is never pulled. Nothing here knows which tool the image wraps.
 */
class ShimContainer extends GenericContainer<ShimContainer> {
    static final String WORK = "/tmp/hm";
    static final String SHIM = "/usr/local/bin/hm-shim";
    private final Set<String> copiedGroups = new HashSet<>();
    private boolean identity;

    ShimContainer(String image) {
        super(DockerImageName.parse(image));
        withNetworkMode("host");
        // Ready only once the shim says so: the first exec'd receiver needs the certificate made before it.
        waitingFor(Wait.forLogMessage(".*\"event\":\"ready\".*", 1));
    }

    /** Writes a DH group as PKCS#3 PEM into the container once per run (the shim's mounted PEM); its path there. */
    synchronized String dhParamsFile(DhGroup group) throws IOException {
        String path = WORK + "/" + dhFileName(group);
        if (copiedGroups.add(path)) {
            copyFileToContainer(Transferable.of(pkcs3Pem(group.p(), group.g())), path);
        }
        return path;
    }

    /**
     * The file name a DH group is written under, in a container or a product's local directory: a hash of its
     * PEM, so one group is one file and two groups are two files whatever their names. (The name escaped for a
     * path was lossy: "odd name.pem" and "odd_name.pem" shared one file, and the second cell got the first group.)
     * Hex digits only: nothing of the user's file name reaches a path or a shell.
     */
    static String dhFileName(DhGroup group) {
        try {
            byte[] pem = pkcs3Pem(group.p(), group.g()).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(pem);
            return "dh-" + java.util.HexFormat.of().formatHex(h, 0, 16) + ".pem";
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes a crypto policy's openssl.cnf into the container once per run; its path there. */
    synchronized String policyConfigFile(io.handshakematrix.profile.CryptoPolicy policy) {
        String path = WORK + "/" + OpensslPolicyConfig.fileName(policy);
        if (copiedGroups.add(path)) {
            copyFileToContainer(Transferable.of(OpensslPolicyConfig.of(policy)), path);
        }
        return path;
    }

    /** Whether the harness copied its receiver certificate and key in (product containers). */
    synchronized boolean hasIdentity() {
        return identity;
    }

    synchronized void identityCopied() {
        identity = true;
    }

    ContainerProcess exec(List<String> shimArgs) {
        return ContainerProcess.start(getDockerClient(), getContainerId(), SHIM, shimArgs);
    }

    static String pkcs3Pem(BigInteger p, BigInteger g) throws IOException {
        byte[] der = new DERSequence(new ASN1Encodable[] {new ASN1Integer(p), new ASN1Integer(g)}).getEncoded();
        StringWriter w = new StringWriter();
        try (PemWriter pem = new PemWriter(w)) {
            pem.writeObject(new PemObject("DH PARAMETERS", der));
        }
        return w.toString();
    }
}
