package charon.testsupport;

import org.jboss.shrinkwrap.api.GenericArchive;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;

import java.io.File;

/**
 * The real WAR, assembled for embedded Tomcat from target/classes, webapp/ and the runtime jars,
 * plus {@link TestControlResource} (a test-only door into the state store).
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
                .addClasses(TestControlResource.class);
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
