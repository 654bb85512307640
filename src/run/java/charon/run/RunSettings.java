package charon.run;

import java.nio.file.Files;
import java.nio.file.Path;

/** What the run command was asked for: arguments first, then system properties, then the environment. */
record RunSettings(int port, Path war, Path serverXml, Path runDir) {

    static RunSettings parse(String[] args) {
        String port = setting("charon.port", "CHARON_PORT", "8080");
        Path war = Path.of("target", "charon.war");
        Path serverXml = Path.of("server.xml");
        Path runDir = Path.of("target", "run");
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--port" -> port = required("--port", value);
                case "--war" -> war = Path.of(required("--war", value));
                case "--server-xml" -> serverXml = Path.of(required("--server-xml", value));
                case "--run-dir" -> runDir = Path.of(required("--run-dir", value));
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]
                        + ". Usage: bin/run [--port N]");
            }
            i++;
        }
        if (!Files.isRegularFile(war)) {
            throw new IllegalArgumentException("No built WAR at " + war.toAbsolutePath() + ": build it with mvn -Prun package");
        }
        if (!Files.isRegularFile(serverXml)) {
            throw new IllegalArgumentException("No server.xml at " + serverXml.toAbsolutePath());
        }
        return new RunSettings(port(port), war.toAbsolutePath(), serverXml.toAbsolutePath(), runDir.toAbsolutePath());
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("The port must be a number from 1 to 65535, not '" + value + "'");
    }

    private static String required(String flag, String value) {
        if (value == null) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return value;
    }

    private static String setting(String property, String environment, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environment);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
