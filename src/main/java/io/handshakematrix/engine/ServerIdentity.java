package io.handshakematrix.engine;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.bc.BcRSAContentSignerBuilder;

/**
 * A receivers' key and self-signed certificate (RSA-2048, or ECDSA P-256 for ECDHE-ECDSA), made in memory
 * once per run and never written anywhere (the private key must not reach reports). Every emulated
 * receiver of that certificate type shares it.
 */
public final class ServerIdentity {
    private final AsymmetricKeyParameter privateKey;
    private final byte[] certificateDer;

    private ServerIdentity(AsymmetricKeyParameter privateKey, byte[] certificateDer) {
        this.privateKey = privateKey;
        this.certificateDer = certificateDer;
    }

    /** The RSA key size of {@link #generate}, as the real images' s_server certificate (RSA-2048). */
    public static final int RSA_BITS = 2048;

    public static ServerIdentity generate(SecureRandom random) {
        RSAKeyPairGenerator gen = new RSAKeyPairGenerator();
        gen.init(new RSAKeyGenerationParameters(BigInteger.valueOf(65537), random, RSA_BITS, 112));
        AsymmetricCipherKeyPair kp = gen.generateKeyPair();
        return selfSigned(kp, "SHA256withRSA", random);
    }

    /** An ECDSA key on P-256 (secp256r1) with its certificate signed SHA256withECDSA. */
    public static ServerIdentity generateEcdsaP256(SecureRandom random) {
        org.bouncycastle.crypto.generators.ECKeyPairGenerator gen = new org.bouncycastle.crypto.generators.ECKeyPairGenerator();
        org.bouncycastle.asn1.x9.X9ECParameters p256 = org.bouncycastle.asn1.x9.ECNamedCurveTable.getByName("P-256");
        org.bouncycastle.crypto.params.ECNamedDomainParameters domain = new org.bouncycastle.crypto.params.ECNamedDomainParameters(
                org.bouncycastle.asn1.sec.SECObjectIdentifiers.secp256r1, p256);
        gen.init(new org.bouncycastle.crypto.params.ECKeyGenerationParameters(domain, random));
        return selfSigned(gen.generateKeyPair(), "SHA256withECDSA", random);
    }

    private static ServerIdentity selfSigned(AsymmetricCipherKeyPair kp, String algorithm, SecureRandom random) {
        try {
            X500Name name = new X500Name("CN=handshake-matrix receiver");
            long now = System.currentTimeMillis();
            X509v3CertificateBuilder b = new X509v3CertificateBuilder(name, BigInteger.valueOf(now), new Date(now - 86_400_000L),
                    new Date(now + 86_400_000L), name, SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(kp.getPublic()));
            AlgorithmIdentifier sig = new DefaultSignatureAlgorithmIdentifierFinder().find(algorithm);
            AlgorithmIdentifier dig = new DefaultDigestAlgorithmIdentifierFinder().find(sig);
            org.bouncycastle.operator.bc.BcContentSignerBuilder signer = algorithm.endsWith("RSA")
                    ? new BcRSAContentSignerBuilder(sig, dig) : new org.bouncycastle.operator.bc.BcECContentSignerBuilder(sig, dig);
            X509CertificateHolder cert = b.build(signer.setSecureRandom(random).build(kp.getPrivate()));
            return new ServerIdentity(kp.getPrivate(), cert.getEncoded());
        } catch (IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot make the receivers' test certificate", e);
        }
    }

    public AsymmetricKeyParameter privateKey() {
        return privateKey;
    }

    public byte[] certificateDer() {
        return certificateDer.clone();
    }

    /** PKCS#8 for a child-JVM stack (jvm engine); it travels over the child's stdin pipe, never to a file. */
    public byte[] privateKeyPkcs8() {
        try {
            return org.bouncycastle.crypto.util.PrivateKeyInfoFactory.createPrivateKeyInfo(privateKey).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode the receivers' test key", e);
        }
    }
}
