import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Prints a signed RS256 JWT for calling the local platform as a given role.
 *
 * <pre>
 * java deploy/local/Token.java ROLE [--rmo RMO] [--sub NAME] [--minutes N] [--key PATH]
 * </pre>
 *
 * JDK only, so it runs without a build. The key is the PKCS#8 PEM written by
 * deploy/local/jwt.sh (default .local/jwt/privateKey.pem, relative to the current directory).
 */
public class Token {

    static final String ISSUER = "https://bipm.org/liaison-platform";
    static final List<String> ROLES = List.of("membership-officer", "liaison-officer", "cbkt-coordinator",
            "rmo-secretariat", "communications-officer", "platform-admin");
    static final List<String> RMOS = List.of("AFRIMETS", "APMP", "COOMET", "EURAMET", "GULFMET", "SIM");

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].startsWith("-")) {
            usage("a role is required");
        }
        String role = args[0];
        String rmo = null;
        String sub = null;
        long minutes = 60;
        Path key = Path.of(".local/jwt/privateKey.pem");
        for (int i = 1; i < args.length; i++) {
            String opt = args[i];
            if (i + 1 >= args.length) {
                usage("missing value for " + opt);
            }
            String value = args[++i];
            switch (opt) {
                case "--rmo" -> rmo = value;
                case "--sub" -> sub = value;
                case "--key" -> key = Path.of(value);
                case "--minutes" -> minutes = parseMinutes(value);
                default -> usage("unknown option " + opt);
            }
        }
        if (!ROLES.contains(role)) {
            usage("unknown role '" + role + "'; one of " + String.join(", ", ROLES));
        }
        if (rmo != null && !RMOS.contains(rmo)) {
            usage("unknown RMO '" + rmo + "'; one of " + String.join(", ", RMOS));
        }
        if (role.equals("rmo-secretariat") && rmo == null) {
            usage("rmo-secretariat needs --rmo (" + String.join(", ", RMOS) + ")");
        }
        if (sub == null) {
            sub = "local-" + role;
        }
        if (!Files.isReadable(key)) {
            System.err.println("error: no signing key at " + key.toAbsolutePath()
                    + " (run deploy/local/jwt.sh ensure, or pass --key)");
            System.exit(1);
        }

        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("sub", sub);
        claims.put("upn", sub);
        claims.put("groups", List.of(role));
        if (rmo != null) {
            claims.put("rmo", rmo);
        }
        claims.put("iat", now);
        claims.put("exp", now + minutes * 60);
        claims.put("jti", UUID.randomUUID().toString());

        String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String signingInput = header + "." + b64(json(claims));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(readKey(key));
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        System.out.println(signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign()));
    }

    static long parseMinutes(String value) {
        try {
            long m = Long.parseLong(value);
            if (m > 0) {
                return m;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        usage("--minutes needs a positive whole number, got '" + value + "'");
        return 0;
    }

    static PrivateKey readKey(Path path) throws Exception {
        String pem = Files.readString(path);
        if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
            throw new IllegalArgumentException(path + " is not a PKCS#8 PEM private key");
        }
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Just enough JSON for strings, numbers, string lists and flat maps. */
    static String json(Object value) {
        if (value instanceof String s) {
            StringBuilder out = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            return out.append('"').toString();
        }
        if (value instanceof Number n) {
            return n.toString();
        }
        if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder("[");
            for (Object item : list) {
                out.append(out.length() > 1 ? "," : "").append(json(item));
            }
            return out.append(']').toString();
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("{");
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.append(out.length() > 1 ? "," : "").append(json(e.getKey().toString())).append(':').append(json(e.getValue()));
            }
            return out.append('}').toString();
        }
        throw new IllegalArgumentException("unsupported JSON value " + value);
    }

    static void usage(String problem) {
        System.err.println("error: " + problem);
        System.err.println("usage: java deploy/local/Token.java ROLE [--rmo RMO] [--sub NAME] [--minutes N] [--key PATH]");
        System.err.println("roles: " + String.join(", ", ROLES));
        System.exit(2);
    }
}
