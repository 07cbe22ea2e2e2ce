package io.switchboard.seat.service;

import io.switchboard.platform.problem.ProblemException;
import io.switchboard.platform.rest.NameCursor;
import io.switchboard.seat.config.SeatConfig;
import io.switchboard.seat.domain.TeardownReport;
import io.switchboard.seat.domain.UserRow;
import io.quarkus.panache.common.Parameters;
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

    /** Non-deactivated users of the network sorted by last name, first name; keyset-paginated. */
    @Transactional
    public Page list(UUID networkId, String search, String seat, int limit, String cursor) {
        StringBuilder query = new StringBuilder("networkId = :network and status <> 'DEACTIVATED'");
        Parameters params = Parameters.with("network", networkId);
        if (search != null && !search.isBlank()) {
            String digits = search.replaceAll("[^0-9]", "");
            query.append(" and (lower(concat(firstName, ' ', lastName)) like :search or lower(email) like :search");
            if (digits.length() >= 3) {
                // A number typed any way ("(619) 555-01…") finds the direct line.
                query.append(" or directLine like :digits");
                params.and("digits", "%" + digits + "%");
            }
            query.append(")");
            params.and("search", "%" + escapeLike(search.trim().toLowerCase(Locale.ROOT)) + "%");
        }
        if (seat != null && !seat.isBlank()) {
            String level = seat.trim().toUpperCase(Locale.ROOT);
            if (!List.of("NONE", "BASIC", "ADVANCED").contains(level)) {
                throw ProblemException.invalidField("seat", "must be none, basic or advanced");
            }
            query.append(" and seatLevel = :seat");
            params.and("seat", level);
        }
        if (cursor != null && !cursor.isBlank()) {
            NameCursor after = NameCursor.decode(cursor);
            query.append(" and (lower(lastName) > :last or (lower(lastName) = :last and (lower(firstName) > :first"
                    + " or (lower(firstName) = :first and userId > :id))))");
            params.and("last", after.lastName()).and("first", after.firstName()).and("id", after.id());
        }
        query.append(" order by lower(lastName), lower(firstName), userId");
        List<UserRow> rows = new ArrayList<>(UserRow.<UserRow>find(query.toString(), params).page(0, limit + 1).list());
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            UserRow last = rows.get(limit - 1);
            next = NameCursor.after(last.lastName, last.firstName, last.userId).encode();
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
                "select user_id, status from sync_problem where user_id = any(?1)").setParameter(1, ids).getResultList()) {
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
        List<TeardownReport> reports = TeardownReport.of(row.userId);
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
