package charon.testsupport;

import org.jboss.shrinkwrap.api.GenericArchive;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;

import java.io.File;
import java.util.Arrays;

import charon.security.SecurityTestResource;

/**
 * The real WAR, assembled for embedded Tomcat from target/classes, webapp/ and the runtime jars,
 * plus {@link TestControlResource} (a test-only door into the state store) and {@link SecurityTestResource}.
 *
 * <p>Every test-only resource must be in every test WAR: embedded Tomcat also scans the test classes
 * on the classpath, and a resource class found there but missing from the WAR is loaded by the test
 * JVM's class loader, where Jersey cannot introspect it, and the deployment fails.
 */
public final class Deployments {

    private static File[] libraries;

    private Deployments() {
    }

    /**
     * The WAR without the local embedding model and its native runtime (~185 of its ~245 MB): Charon loads them
     * only to index the campaign for AI drafts, when a provider is configured, which no test but the AI ones does.
     * Packing them into every test deployment would cost each one seconds of copying and unpacking.
     */
    public static WebArchive charon(String name) {
        return archive(name, Arrays.stream(libraries()).filter(jar -> !isLocalModel(jar)).toArray(File[]::new));
    }

    /** The whole WAR, the local embedding model included (the AI tests). */
    public static WebArchive charonWithLocalModel(String name) {
        return archive(name, libraries());
    }

    private static WebArchive archive(String name, File[] jars) {
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .merge(directory("webapp"), "/", Filters.includeAll())
                .merge(directory("target/classes"), "/WEB-INF/classes", Filters.includeAll())
                .addAsLibraries(jars)
                .addClasses(TestControlResource.class, SecurityTestResource.class);
    }

    private static boolean isLocalModel(File jar) {
        String n = jar.getName();
        return n.startsWith("onnxruntime-") || n.startsWith("langchain4j-embeddings-all-minilm") || n.startsWith("tokenizers-");
    }

    /**
     * The WAR on a fresh database in the original app's Django schema ({@link DjangoDatabase}) (users gm, ripley, hicks) in
     * {@code dataFolder}, with the demo campaign and the given keepalive.
     */
    public static WebArchive onFixtureDatabase(String name, java.nio.file.Path dataFolder, String keepaliveSeconds)
            throws java.io.IOException {
        useFixtureDatabase(dataFolder, keepaliveSeconds);
        return charon(name);
    }

    /** {@link #onFixtureDatabase}, with the local embedding model (the AI tests). */
    public static WebArchive onFixtureDatabaseWithLocalModel(String name, java.nio.file.Path dataFolder, String keepaliveSeconds)
            throws java.io.IOException {
        useFixtureDatabase(dataFolder, keepaliveSeconds);
        return charonWithLocalModel(name);
    }

    private static void useFixtureDatabase(java.nio.file.Path dataFolder, String keepaliveSeconds) throws java.io.IOException {
        java.nio.file.Files.createDirectories(dataFolder);
        DjangoDatabase.create(dataFolder.resolve("charon.db"));
        System.setProperty("charon.home", dataFolder.toString());
        System.setProperty("charon.db", dataFolder.resolve("charon.db").toString());
        System.clearProperty("charon.campaign");
        System.setProperty("charon.keepalive.seconds", keepaliveSeconds);
    }

    private static GenericArchive directory(String path) {
        return ShrinkWrap.create(GenericArchive.class)
                .as(ExplodedImporter.class)
                .importDirectory(path)
                .as(GenericArchive.class);
    }

    private static synchronized File[] libraries() {
        if (libraries == null) {
            libraries = Maven.resolver().loadPomFromFile("pom.xml")
                    .importCompileAndRuntimeDependencies()
                    .resolve().withTransitivity().asFile();
        }
        return libraries;
    }
}
