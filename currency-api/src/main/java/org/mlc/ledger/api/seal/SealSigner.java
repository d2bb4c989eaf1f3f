package org.mlc.ledger.api.seal;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Signs seals with the association's Ed25519 key ({@code MLC_SEAL_KEY}: the private key, PKCS#8 DER
 * in base64) so that a host holding the database cannot re-seal a rewritten history: it would need
 * the key. The public half ({@code MLC_SEAL_PUBLIC_KEY}, X.509 DER in base64) is published with the
 * seals and checked against the private key at start. The JDK's own Ed25519, no library.
 */
public final class SealSigner {

    public static final String ALGORITHM = "Ed25519";

    private final PrivateKey privateKey;
    private final String publicKey;

    private SealSigner(PrivateKey privateKey, String publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** The signer of {@code privateBase64}; {@code publicBase64} (may be blank) must be its public half. */
    public static SealSigner of(String privateBase64, String publicBase64) {
        try {
            PrivateKey key = KeyFactory.getInstance(ALGORITHM)
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateBase64.strip())));
            SealSigner signer = new SealSigner(key, publicBase64 == null || publicBase64.isBlank() ? null
                    : publicBase64.strip());
            if (signer.publicKey != null) {
                byte[] probe = "MLC-SEAL-KEY-CHECK".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                if (!verifies(signer.publicKey, probe, signer.sign(probe))) {
                    throw new IllegalArgumentException("MLC_SEAL_PUBLIC_KEY is not the public half of MLC_SEAL_KEY");
                }
            }
            return signer;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("MLC_SEAL_KEY is not an Ed25519 private key in base64 PKCS#8 DER: "
                    + e.getMessage(), e);
        }
    }

    public byte[] sign(byte[] text) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(privateKey);
            signature.update(text);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public half to publish, or null when not configured. */
    public String publicKey() {
        return publicKey;
    }

    /** Whether {@code signature} is {@code publicBase64}'s signature of {@code text}. */
    public static boolean verifies(String publicBase64, byte[] text, byte[] signature) {
        try {
            PublicKey key = KeyFactory.getInstance(ALGORITHM)
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicBase64.strip())));
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(text);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
