package charon.testsupport;

import org.jboss.shrinkwrap.api.GenericArchive;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;

import java.io.File;

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

    public static WebArchive charon(String name) {
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .merge(directory("webapp"), "/", Filters.includeAll())
                .merge(directory("target/classes"), "/WEB-INF/classes", Filters.includeAll())
                .addAsLibraries(libraries())
                .addClasses(TestControlResource.class, SecurityTestResource.class);
    }

    /**
     * The WAR on a fresh database in the original app's Django schema ({@link DjangoDatabase}) (users gm, ripley, hicks) in
     * {@code dataFolder}, with the demo campaign and the given keepalive.
     */
    public static WebArchive onFixtureDatabase(String name, java.nio.file.Path dataFolder, String keepaliveSeconds)
            throws java.io.IOException {
        java.nio.file.Files.createDirectories(dataFolder);
        DjangoDatabase.create(dataFolder.resolve("charon.db"));
        System.setProperty("charon.home", dataFolder.toString());
        System.setProperty("charon.db", dataFolder.resolve("charon.db").toString());
        System.clearProperty("charon.campaign");
        System.setProperty("charon.keepalive.seconds", keepaliveSeconds);
        return charon(name);
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
