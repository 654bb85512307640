package charon.backup;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import charon.messages.Message;
import charon.persistence.Database;

/**
 * Backups for the GM: a consistent copy of the SQLite database (made by SQLite itself while the server
 * runs) and the message history as JSON. Under {@code /api/gm/}, so GM only.
 */
@RequestScoped
@Path("gm/backup/")
public class BackupResource {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    @Inject
    Database database;

    @GET
    @Path("database")
    @Produces("application/vnd.sqlite3")
    public Response databaseCopy() throws IOException {
        java.nio.file.Path copy = Files.createTempFile("charon-backup-", ".db");
        Files.delete(copy);
        database.copyTo(copy);
        StreamingOutput body = out -> {
            try {
                Files.copy(copy, out);
            } finally {
                Files.deleteIfExists(copy);
            }
        };
        return Response.ok(body)
                .header("Content-Disposition", "attachment; filename=\"charon-" + STAMP.format(LocalDateTime.now()) + ".db\"")
                .header("Content-Length", Files.size(copy))
                .build();
    }

    @GET
    @Path("messages")
    @Produces(MediaType.APPLICATION_JSON)
    public Response messages() {
        List<MessagesExport.Entry> messages = database.read(em -> em.createQuery(
                        "select distinct m from Message m left join fetch m.recipients join fetch m.createdBy order by m.id", Message.class)
                .getResultList().stream().map(MessagesExport.Entry::of).toList());
        MessagesExport body = new MessagesExport(LocalDateTime.now().withNano(0).toString(), messages.size(), messages);
        return Response.ok(body)
                .header("Content-Disposition", "attachment; filename=\"charon-messages-" + STAMP.format(LocalDateTime.now()) + ".json\"")
                .build();
    }
}
