package charon.testsupport;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads a SQLite file as text rows, for tests that check what a deploy did to a database. */
public final class SqliteRows {

    private SqliteRows() {
    }

    public static Connection open(Path db) throws Exception {
        // Directly, not via DriverManager: Tomcat deregisters SQLite drivers when a deployment stops.
        return new org.sqlite.JDBC().connect("jdbc:sqlite:" + db, new java.util.Properties());
    }

    public static List<String> tables(Path db) throws Exception {
        return rows(db, "select name from sqlite_master where type = 'table' order by name");
    }

    public static int count(Path db, String table) throws Exception {
        return Integer.parseInt(rows(db, "select count(*) from \"" + table + "\"").get(0));
    }

    /** Each row's cells joined with '|'. */
    public static List<String> rows(Path db, String sql) throws Exception {
        try (Connection c = open(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    cells.add(String.valueOf(rs.getObject(i)));
                }
                out.add(String.join("|", cells));
            }
            return out;
        }
    }

    /** One table as text: its schema and every row. */
    public static List<String> dumpTable(Path db, String table) throws Exception {
        List<String> out = new ArrayList<>(rows(db, "select coalesce(sql, '') from sqlite_master where tbl_name = '" + table + "' order by name"));
        out.add("-- " + table);
        out.addAll(rows(db, "select * from \"" + table + "\" order by rowid"));
        return out;
    }

    /** The whole database as text: schema and every row of every table. */
    public static List<String> dump(Path db) throws Exception {
        List<String> out = new ArrayList<>(rows(db, "select type || ' ' || name || ' ' || coalesce(sql, '') from sqlite_master order by name"));
        for (String table : tables(db)) {
            out.add("-- " + table);
            out.addAll(rows(db, "select * from \"" + table + "\" order by rowid"));
        }
        return out;
    }
}
