package charon.persistence;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceException;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Logger;

import charon.config.CharonConfig;

/**
 * The application's own JPA factory over the configured SQLite file, opened at deploy. Opening it
 * runs the schema script, which drops the obsolete ActiveView table and creates what is missing.
 */
@ApplicationScoped
public class Database {

    private static final Logger LOG = Logger.getLogger(Database.class.getName());
    static final String SCHEMA_SCRIPT = "META-INF/charon-schema.sql";

    @Inject
    CharonConfig config;

    private Path file;
    private EntityManagerFactory factory;
    /** SQLite has one writer at a time: write transactions take turns here, fairly, instead of busy-waiting in SQLite. */
    private final ReentrantLock writer = new ReentrantLock(true);

    /** Opens the database as soon as the application starts, so a bad file fails the deploy. */
    void open(@Observes @Initialized(ApplicationScoped.class) Object started) {
        factory();
    }

    public synchronized EntityManagerFactory factory() {
        if (factory == null) {
            file = config.database();
            try {
                DatabaseFile.check(file);
                factory = Persistence.createEntityManagerFactory("charon", settings(file));
            } catch (UnusableDatabaseException e) {
                LOG.severe(e.getMessage());
                throw e;
            } catch (PersistenceException e) {
                UnusableDatabaseException clear = new UnusableDatabaseException(file, rootMessage(e));
                LOG.severe(clear.getMessage());
                throw clear;
            }
            LOG.info("Charon database: " + file + " (SQLite, WAL journal)");
        }
        return factory;
    }

    public Path file() {
        factory();
        return file;
    }

    /** Runs work in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(Function<EntityManager, T> work) {
        lock(writer);
        try {
            return transaction(work);
        } finally {
            writer.unlock();
        }
    }

    private static void lock(ReentrantLock lock) {
        try {
            if (!lock.tryLock(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("database busy: no write turn within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database", e);
        }
    }

    private <T> T transaction(Function<EntityManager, T> work) {
        EntityManager em = factory().createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(em);
            tx.commit();
            return result;
        } finally {
            if (tx.isActive()) {
                tx.rollback();
            }
            em.close();
        }
    }

    public void inTransaction(Consumer<EntityManager> work) {
        inTransaction(em -> {
            work.accept(em);
            return null;
        });
    }

    /** Read-only work with its own entity manager. */
    public <T> T read(Function<EntityManager, T> query) {
        EntityManager em = factory().createEntityManager();
        try {
            return query.apply(em);
        } finally {
            em.close();
        }
    }

    /**
     * Writes a complete, consistent copy of the database to {@code target} (which must not exist) with
     * SQLite's own VACUUM INTO, on a separate connection outside any transaction.
     */
    public void copyTo(Path target) {
        try (java.sql.Connection connection = new org.sqlite.JDBC().connect("jdbc:sqlite:" + file(), new java.util.Properties());
             java.sql.Statement statement = connection.createStatement()) {
            statement.execute("VACUUM INTO '" + target.toAbsolutePath().toString().replace("'", "''") + "'");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("database copy failed: " + e.getMessage(), e);
        }
    }

    /** A trivial query: true when the file can still be read. */
    public boolean isReachable() {
        try {
            return read(em -> em.createNativeQuery("select 1").getSingleResult()) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    static Map<String, Object> settings(Path file) {
        // WAL keeps readers off the writer's back; synchronous=FULL makes an answered write survive a crash;
        // busy_timeout makes concurrent writers wait instead of failing with "database is locked".
        String url = "jdbc:sqlite:" + file + "?journal_mode=WAL&synchronous=FULL&busy_timeout=15000&foreign_keys=true";
        return Map.of(
                "jakarta.persistence.jdbc.url", url,
                // HikariCP: SQLite has one writer at a time, so a few connections are plenty; a caller waits up to a
                // minute for a free one instead of failing
                "hibernate.connection.provider_class", "org.hibernate.hikaricp.internal.HikariCPConnectionProvider",
                "hibernate.hikari.maximumPoolSize", "4",
                "hibernate.hikari.minimumIdle", "1",
                "hibernate.hikari.connectionTimeout", "60000",
                "hibernate.hikari.poolName", "charon",
                "jakarta.persistence.schema-generation.database.action", "create",
                "jakarta.persistence.schema-generation.create-source", "script",
                "jakarta.persistence.schema-generation.create-script-source", SCHEMA_SCRIPT);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    @PreDestroy
    void close() {
        if (factory != null && factory.isOpen()) {
            factory.close();
        }
    }
}
