package io.nanopulse.metrics.persistence;

import io.nanopulse.contracts.SubjectKind;
import io.nanopulse.metrics.application.GroupStore;
import io.nanopulse.metrics.domain.Group;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Groups in {@code subject_group} and {@code subject_group_member}; runs in the caller's transaction, if any. */
@ApplicationScoped
public class JdbcGroupStore implements GroupStore {
    private static final String SELECT = "SELECT g.name, g.member_kind, g.owner, g.created_at, g.updated_at,"
            + " ARRAY(SELECT m.member_key FROM subject_group_member m WHERE m.group_name = g.name ORDER BY m.member_key)"
            + " FROM subject_group g";
    /** The groups one principal sees: the shared ones and its own. */
    static final String VISIBLE = "(g.owner IS NULL OR g.owner = ?)";

    @Inject
    DataSource dataSource;

    @Override
    public List<Group> page(int page, int size, String visibleTo) throws SQLException {
        try (Connection c = dataSource.getConnection();
             var st = c.prepareStatement(SELECT + (visibleTo == null ? "" : " WHERE " + VISIBLE) + " ORDER BY g.name OFFSET ? LIMIT ?")) {
            int i = 1;
            if (visibleTo != null) st.setString(i++, visibleTo);
            st.setLong(i++, (long) page * size);
            st.setInt(i, size);
            return read(st);
        }
    }

    @Override
    public long count(String visibleTo) throws SQLException {
        try (Connection c = dataSource.getConnection();
             var st = c.prepareStatement("SELECT count(*) FROM subject_group g" + (visibleTo == null ? "" : " WHERE " + VISIBLE))) {
            if (visibleTo != null) st.setString(1, visibleTo);
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Override
    public Optional<Group> find(String name) throws SQLException {
        return one(SELECT + " WHERE g.name = ?", name);
    }

    @Override
    public Optional<Group> lock(String name) throws SQLException {
        return one(SELECT + " WHERE g.name = ? FOR UPDATE OF g", name);
    }

    private Optional<Group> one(String sql, String name) throws SQLException {
        try (Connection c = dataSource.getConnection(); var st = c.prepareStatement(sql)) {
            st.setString(1, name);
            return read(st).stream().findFirst();
        }
    }

    @Override
    public long countOwnedBy(String owner) throws SQLException {
        try (Connection c = dataSource.getConnection();
             var st = c.prepareStatement("SELECT count(*) FROM subject_group WHERE owner IS NOT DISTINCT FROM ?")) {
            st.setString(1, owner);
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Override
    public boolean create(String name, SubjectKind memberKind, List<String> members, String owner) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (var st = c.prepareStatement("INSERT INTO subject_group (name, member_kind, owner) VALUES (?, ?, ?)"
                    + " ON CONFLICT (name) DO NOTHING")) {
                st.setString(1, name);
                st.setShort(2, (short) memberKind.ordinal());
                st.setString(3, owner);
                if (st.executeUpdate() == 0) {
                    return false;
                }
            }
            insertMembers(c, name, members);
        }
        return true;
    }

    @Override
    public void replaceMembers(String name, SubjectKind memberKind, List<String> members) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (var st = c.prepareStatement("UPDATE subject_group SET member_kind = ?, updated_at = now() WHERE name = ?")) {
                st.setShort(1, (short) memberKind.ordinal());
                st.setString(2, name);
                st.executeUpdate();
            }
            try (var st = c.prepareStatement("DELETE FROM subject_group_member WHERE group_name = ?")) {
                st.setString(1, name);
                st.executeUpdate();
            }
            insertMembers(c, name, members);
        }
    }

    private static void insertMembers(Connection c, String name, List<String> members) throws SQLException {
        try (var st = c.prepareStatement("INSERT INTO subject_group_member (group_name, member_key)"
                + " SELECT ?, unnest(?::varchar[])")) {
            st.setString(1, name);
            st.setArray(2, c.createArrayOf("varchar", members.toArray()));
            st.executeUpdate();
        }
    }

    @Override
    public boolean delete(String name) throws SQLException {
        try (Connection c = dataSource.getConnection();
             var st = c.prepareStatement("DELETE FROM subject_group WHERE name = ?")) {
            st.setString(1, name);
            return st.executeUpdate() > 0;
        }
    }

    @Override
    public Set<String> knownHolders(Collection<String> ids) throws SQLException {
        var known = new HashSet<String>();
        try (Connection c = dataSource.getConnection();
             var st = c.prepareStatement("SELECT id FROM institution WHERE id = ANY(?::varchar[])"
                     + " UNION SELECT k FROM unnest(?::varchar[]) AS k WHERE EXISTS"
                     + " (SELECT 1 FROM patent WHERE institution_id = k AND filing_date IS NOT NULL)")) {
            Array keys = c.createArrayOf("varchar", ids.toArray());
            st.setArray(1, keys);
            st.setArray(2, keys);
            try (var rs = st.executeQuery()) {
                while (rs.next()) {
                    known.add(rs.getString(1));
                }
            }
        }
        return known;
    }

    private static List<Group> read(PreparedStatement st) throws SQLException {
        var out = new ArrayList<Group>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                String[] members = (String[]) rs.getArray(6).getArray();
                out.add(new Group(rs.getString(1), SubjectKind.values()[rs.getShort(2)], Arrays.asList(members),
                        rs.getString(3), rs.getObject(4, OffsetDateTime.class).toInstant(),
                        rs.getObject(5, OffsetDateTime.class).toInstant()));
            }
        }
        return out;
    }
}
