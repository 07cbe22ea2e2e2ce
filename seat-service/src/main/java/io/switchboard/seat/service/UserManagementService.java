package io.switchboard.seat.service;

import io.switchboard.platform.problem.ProblemException;
import io.switchboard.seat.config.SeatConfig;
import io.switchboard.seat.domain.TeardownReport;
import io.switchboard.seat.domain.UserRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.UUID;

/** Reads of the User Management view: the table and the user detail. */
@ApplicationScoped
public class UserManagementService {

    public record Page(List<UserRow> rows, String nextCursor) {
    }

    public record Teardown(String status, List<TeardownReport> reports, List<String> waitingFor) {
    }

    private final SeatConfig config;

    public UserManagementService(SeatConfig config) {
        this.config = config;
    }

    /** The table's filters; null or blank ones do not filter. */
    public record Filter(String search, String seat, String role, String queue) {
    }

    /** The orders the table can be sorted in: each a keyset over its key columns and the user id. */
    private enum Sort {
        NAME("name", false, "lower(r.last_name)", "lower(r.first_name)"),
        NAME_DESC("-name", true, "lower(r.last_name)", "lower(r.first_name)"),
        EMAIL("email", false, "lower(r.email)"),
        EMAIL_DESC("-email", true, "lower(r.email)");

        final String param;
        final boolean descending;
        final List<String> keys;

        Sort(String param, boolean descending, String... keys) {
            this.param = param;
            this.descending = descending;
            this.keys = List.of(keys);
        }

        static Sort of(String param) {
            if (param == null || param.isBlank()) {
                return NAME;
            }
            for (Sort s : values()) {
                if (s.param.equals(param.trim().toLowerCase(Locale.ROOT))) {
                    return s;
                }
            }
            throw ProblemException.invalidField("sort", "must be name, -name, email or -email");
        }

        List<String> keysOf(UserRow r) {
            return this == EMAIL || this == EMAIL_DESC ? List.of(r.email.toLowerCase(Locale.ROOT))
                    : List.of(r.lastName.toLowerCase(Locale.ROOT), r.firstName.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * Non-deactivated users of the network matching the filter, in the chosen order, keyset-paginated. The search box
     * matches name, email or direct line anywhere, any case, through the trigram index on {@code search_text}.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public Page list(UUID networkId, Filter filter, String sortParam, int limit, String cursor) {
        Sort sort = Sort.of(sortParam);
        StringBuilder sql = new StringBuilder("select r.* from user_row r where r.network_id = :network and r.status <> 'DEACTIVATED'");
        Map<String, Object> params = new HashMap<>();
        params.put("network", networkId);
        String search = filter.search();
        if (search != null && !search.isBlank()) {
            sql.append(" and (r.search_text like :search");
            params.put("search", "%" + escapeLike(search.trim().toLowerCase(Locale.ROOT)) + "%");
            String digits = search.replaceAll("[^0-9]", "");
            if (digits.length() >= 3 && !digits.equals(search.trim())) {
                // A number typed any way ("(619) 555-01…") finds the direct line.
                sql.append(" or r.search_text like :digits");
                params.put("digits", "%" + digits + "%");
            }
            sql.append(")");
        }
        if (filter.seat() != null && !filter.seat().isBlank()) {
            String level = filter.seat().trim().toUpperCase(Locale.ROOT);
            if (!List.of("NONE", "BASIC", "ADVANCED").contains(level)) {
                throw ProblemException.invalidField("seat", "must be none, basic or advanced");
            }
            sql.append(" and r.seat_level = :seat");
            params.put("seat", level);
        }
        if (filter.role() != null && !filter.role().isBlank()) {
            sql.append(" and r.roles @> cast(array[cast(:role as text)] as text[])");
            params.put("role", filter.role().trim());
        }
        if (filter.queue() != null && !filter.queue().isBlank()) {
            UUID queueId;
            try {
                queueId = UUID.fromString(filter.queue().trim());
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidField("queue", "must be a queue id (UUID)");
            }
            sql.append(" and exists (select 1 from user_queue q where q.user_id = r.user_id and q.queue_id = :queue)");
            params.put("queue", queueId);
        }
        String keyColumns = String.join(", ", sort.keys) + ", r.user_id";
        if (cursor != null && !cursor.isBlank()) {
            SortCursor after = SortCursor.decode(cursor, sort.param, sort.keys.size());
            StringBuilder placeholders = new StringBuilder();
            for (int i = 0; i < sort.keys.size(); i++) {
                placeholders.append(":k").append(i).append(", ");
                params.put("k" + i, after.keys().get(i));
            }
            sql.append(" and (").append(keyColumns).append(sort.descending ? ") < (" : ") > (")
                    .append(placeholders).append(":afterId)");
            params.put("afterId", after.id());
        }
        String direction = sort.descending ? " desc" : "";
        sql.append(" order by ").append(String.join(direction + ", ", keyColumns.split(", "))).append(direction)
                .append(" limit :limit");
        params.put("limit", limit + 1);
        var query = UserRow.getEntityManager().createNativeQuery(sql.toString(), UserRow.class);
        params.forEach(query::setParameter);
        List<UserRow> rows = new ArrayList<>((List<UserRow>) query.getResultList());
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            UserRow last = rows.get(limit - 1);
            next = new SortCursor(sort.param, sort.keysOf(last), last.userId).encode();
        }
        return new Page(rows, next);
    }

    /** What a row shows beyond the user: queues, E911 status and alerts, read for a whole page at once. */
    public record Extras(List<String> queues, String e911, List<String> alerts) {
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public Map<UUID, Extras> extras(List<UserRow> rows) {
        Map<UUID, Extras> out = new HashMap<>();
        if (rows.isEmpty()) {
            return out;
        }
        UUID[] ids = rows.stream().map(r -> r.userId).toArray(UUID[]::new);
        Map<UUID, List<String>> queues = new HashMap<>();
        for (Object[] q : (List<Object[]>) UserRow.getEntityManager().createNativeQuery(
                "select user_id, queue_name from user_queue where user_id = any(?1) order by queue_name")
                .setParameter(1, ids).getResultList()) {
            queues.computeIfAbsent((UUID) q[0], k -> new ArrayList<>()).add((String) q[1]);
        }
        Map<UUID, Boolean> e911 = new HashMap<>();
        for (Object[] e : (List<Object[]>) UserRow.getEntityManager().createNativeQuery(
                "select user_id, verified from e911_address where user_id = any(?1)").setParameter(1, ids).getResultList()) {
            e911.put((UUID) e[0], (Boolean) e[1]);
        }
        Map<UUID, List<String>> sync = new HashMap<>();
        for (Object[] p : (List<Object[]>) UserRow.getEntityManager().createNativeQuery(
                "select user_id, status from sync_link where user_id = any(?1) and status <> 'linked'").setParameter(1, ids).getResultList()) {
            sync.computeIfAbsent((UUID) p[0], k -> new ArrayList<>()).add("servicetitan-employee-" + p[1]);
        }
        for (UserRow r : rows) {
            List<String> userQueues = queues.getOrDefault(r.userId, List.of());
            Boolean verified = e911.get(r.userId);
            List<String> alerts = new ArrayList<>();
            if ("ADVANCED".equals(r.seatLevel) && userQueues.isEmpty()) {
                alerts.add("advanced-seat-without-queue");
            }
            if (r.directLine != null && verified == null) {
                alerts.add("line-without-e911");
            }
            if (Boolean.FALSE.equals(verified)) {
                alerts.add("e911-unverified");
            }
            alerts.addAll(sync.getOrDefault(r.userId, List.of()));
            out.put(r.userId, new Extras(userQueues, verified == null ? "missing" : verified ? "verified" : "unverified", alerts));
        }
        return out;
    }

    @Transactional
    public UserRow get(UUID networkId, UUID userId) {
        return UserRow.findInNetwork(networkId, userId).orElseThrow(() -> ProblemException.notFound("User", userId));
    }

    /** Teardown is complete when the user is deactivated and every expected service has reported. */
    @Transactional
    public Teardown teardownOf(UserRow row) {
        List<TeardownReport> reports = TeardownReport.of(row.userId,
                row.deactivationVersion != null ? row.deactivationVersion : row.directoryVersion);
        if (!"DEACTIVATED".equals(row.status)) {
            return new Teardown("not-applicable", reports, List.of());
        }
        List<String> waiting = config.teardownServices().stream()
                .filter(s -> reports.stream().noneMatch(r -> r.service.equals(s))).toList();
        return new Teardown(waiting.isEmpty() ? "complete" : "pending", reports, waiting);
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

}
