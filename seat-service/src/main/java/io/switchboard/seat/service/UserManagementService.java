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
    private final AlertService alerts;

    public UserManagementService(SeatConfig config, AlertService alerts) {
        this.config = config;
        this.alerts = alerts;
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

    /** Above this many matches a search walks the sort's index instead of sorting its matches (see {@link #list}). */
    private static final int RARE_SEARCH_ROWS = 5_000;

    /**
     * Non-deactivated users of the network matching the filter, in the chosen order, keyset-paginated. The search box
     * matches name, email or direct line anywhere, any case, through the trigram index on {@code search_text}.
     *
     * <p>Walking the sort's index and filtering is fast when matches are dense, but crosses most of the table to reach
     * a rare name late in the order. So a search of three or more characters (pg_trgm's minimum) first collects its
     * matches through the trigram index, up to {@value #RARE_SEARCH_ROWS}, and sorts them; only a search matching more
     * than that walks the index instead.
     */
    @Transactional
    public Page list(UUID networkId, Filter filter, String sortParam, int limit, String cursor) {
        Sort sort = Sort.of(sortParam);
        StringBuilder where = new StringBuilder("r.network_id = :network and r.status <> 'DEACTIVATED'");
        Map<String, Object> params = new HashMap<>();
        params.put("network", networkId);
        String search = filter.search() == null ? "" : filter.search().trim().toLowerCase(Locale.ROOT);
        if (!search.isEmpty()) {
            where.append(" and (r.search_text like :search");
            params.put("search", "%" + escapeLike(search) + "%");
            String digits = search.replaceAll("[^0-9]", "");
            if (digits.length() >= 3 && !digits.equals(search)) {
                // A number typed any way ("(619) 555-01…") finds the direct line.
                where.append(" or r.search_text like :digits");
                params.put("digits", "%" + digits + "%");
            }
            where.append(")");
        }
        if (filter.seat() != null && !filter.seat().isBlank()) {
            String level = filter.seat().trim().toUpperCase(Locale.ROOT);
            if (!List.of("NONE", "BASIC", "ADVANCED").contains(level)) {
                throw ProblemException.invalidField("seat", "must be none, basic or advanced");
            }
            where.append(" and r.seat_level = :seat");
            params.put("seat", level);
        }
        if (filter.role() != null && !filter.role().isBlank()) {
            where.append(" and r.roles @> cast(array[cast(:role as text)] as text[])");
            params.put("role", filter.role().trim());
        }
        if (filter.queue() != null && !filter.queue().isBlank()) {
            UUID queueId;
            try {
                queueId = UUID.fromString(filter.queue().trim());
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidField("queue", "must be a queue id (UUID)");
            }
            where.append(" and exists (select 1 from user_queue q where q.user_id = r.user_id and q.queue_id = :queue)");
            params.put("queue", queueId);
        }
        if (cursor != null && !cursor.isBlank()) {
            SortCursor after = SortCursor.decode(cursor, sort.param, sort.keys.size());
            StringBuilder placeholders = new StringBuilder();
            for (int i = 0; i < sort.keys.size(); i++) {
                placeholders.append(":k").append(i).append(", ");
                params.put("k" + i, after.keys().get(i));
            }
            where.append(" and (").append(String.join(", ", sort.keys)).append(", r.user_id")
                    .append(sort.descending ? ") < (" : ") > (").append(placeholders).append(":afterId)");
            params.put("afterId", after.id());
        }
        params.put("limit", limit + 1);
        List<UUID> ids = search.length() >= 3 ? rareMatches(where, sort, params) : null;
        if (ids == null) {
            String direction = sort.descending ? " desc" : "";
            ids = ids("select r.user_id from user_row r where " + where + " order by "
                    + String.join(direction + ", ", sort.keys) + direction + ", r.user_id" + direction + " limit :limit", params);
        }
        Map<UUID, UserRow> loaded = new HashMap<>();
        if (!ids.isEmpty()) {
            UserRow.<UserRow>list("userId in ?1", ids).forEach(r -> loaded.put(r.userId, r));
        }
        List<UserRow> rows = ids.stream().map(loaded::get).filter(java.util.Objects::nonNull).toList();
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            UserRow last = rows.get(limit - 1);
            next = new SortCursor(sort.param, sort.keysOf(last), last.userId).encode();
        }
        return new Page(rows, next);
    }

    /** The page's ids when at most {@value #RARE_SEARCH_ROWS} users match, else null; one pass over the matches. */
    @SuppressWarnings("unchecked")
    private static List<UUID> rareMatches(StringBuilder where, Sort sort, Map<String, Object> params) {
        StringBuilder keys = new StringBuilder();
        StringBuilder order = new StringBuilder();
        String direction = sort.descending ? " desc" : "";
        for (int i = 0; i < sort.keys.size(); i++) {
            keys.append(", ").append(sort.keys.get(i)).append(" as k").append(i);
            order.append("m.k").append(i).append(direction).append(", ");
        }
        var query = UserRow.getEntityManager().createNativeQuery("""
                with m as materialized (select r.user_id%s from user_row r where %s limit %d)
                select m.user_id, (select count(*) from m) from m order by %sm.user_id%s limit :limit"""
                .formatted(keys, where, RARE_SEARCH_ROWS + 1, order, direction), Object[].class);
        params.forEach(query::setParameter);
        List<Object[]> rows = query.getResultList();
        if (!rows.isEmpty() && ((Number) rows.get(0)[1]).intValue() > RARE_SEARCH_ROWS) {
            return null;
        }
        return rows.stream().map(r -> (UUID) r[0]).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<UUID> ids(String sql, Map<String, Object> params) {
        var query = UserRow.getEntityManager().createNativeQuery(sql, UUID.class);
        params.forEach(query::setParameter);
        return query.getResultList();
    }

    /** What a row shows beyond the user: queues, E911 status and alert kinds (AlertService's), read for a whole page at once. */
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
        Map<UUID, List<String>> alertKinds = new HashMap<>();
        for (AlertService.Alert alert : alerts.alerts(rows.get(0).networkId, ids)) {
            alertKinds.computeIfAbsent(alert.userId(), k -> new ArrayList<>()).add(alert.kind());
        }
        for (UserRow r : rows) {
            Boolean verified = e911.get(r.userId);
            out.put(r.userId, new Extras(queues.getOrDefault(r.userId, List.of()),
                    verified == null ? "missing" : verified ? "verified" : "unverified", alertKinds.getOrDefault(r.userId, List.of())));
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
