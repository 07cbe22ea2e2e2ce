package io.switchboard.number.service;

import io.quarkus.panache.common.Parameters;
import io.switchboard.number.carrier.Carrier;
import io.switchboard.number.carrier.ZipAreaCodes;
import io.switchboard.number.domain.PhoneNumber;
import io.switchboard.platform.contract.NumberChanged;
import io.switchboard.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The network's numbers: searching the carrier, buying, listing, and giving numbers back to the carrier. */
@ApplicationScoped
public class InventoryService {

    public record SearchQuery(String areaCode, String zip, boolean tollFree, String contains, int limit, String cursor) {
    }

    public record Purchase(String number, PhoneNumber.Usage usage, boolean useDefaultForwarding, String forwardingNumber,
                           boolean smsAllowed, boolean isLead, String campaign) {
    }

    public record ListQuery(PhoneNumber.Status status, PhoneNumber.Usage usage, String areaCode, String search, int limit,
                            String cursor) {
    }

    public record Page(List<PhoneNumber> numbers, String nextCursor) {
    }

    private final Carrier carrier;
    private final ZipAreaCodes zips;
    private final NumberEvents events;

    public InventoryService(Instance<Carrier> carrier, ZipAreaCodes zips, NumberEvents events) {
        this.carrier = carrier.get();
        this.zips = zips;
        this.events = events;
    }

    /** Numbers the carrier still has for sale; "Load More" is the next cursor. */
    @Transactional
    public Carrier.Page search(SearchQuery q) {
        int given = (q.areaCode() != null ? 1 : 0) + (q.zip() != null ? 1 : 0) + (q.tollFree() ? 1 : 0);
        if (given != 1) {
            throw ProblemException.invalidField("areaCode", "search by exactly one of areaCode, zip or tollFree=true");
        }
        List<String> areaCodes = List.of();
        if (q.areaCode() != null) {
            if (!PhoneNumbers.isAreaCode(q.areaCode())) {
                throw ProblemException.invalidField("areaCode", "'" + q.areaCode() + "' is not a North American area code");
            }
            areaCodes = List.of(q.areaCode());
        } else if (q.zip() != null) {
            if (!q.zip().matches("\\d{5}")) {
                throw ProblemException.invalidField("zip", "must be a 5-digit US ZIP code");
            }
            areaCodes = zips.areaCodesOf(q.zip()).orElseThrow(() -> ProblemException.invalidField("zip",
                    "the carrier has no local numbers for ZIP " + q.zip() + "; search by area code instead"));
        }
        String digits = q.contains() == null || q.contains().isBlank() ? null : PhoneNumbers.keypad(q.contains());
        try {
            return carrier.search(new Carrier.Search(areaCodes, q.tollFree(), digits, q.limit(), blankToNull(q.cursor())));
        } catch (Carrier.CarrierException e) {
            throw ProblemException.conflict("The carrier could not search: " + e.getMessage());
        } catch (RuntimeException e) {
            if (q.cursor() == null || q.cursor().isBlank()) {
                throw e;
            }
            // The cursor is the carrier's opaque text; anything it cannot read is the caller's to fix.
            throw ProblemException.invalidField("cursor", "is not a cursor this search returned; start again without it");
        }
    }

    /** Buys a number; it is assignable (if a direct-line number) as soon as this returns. */
    @Transactional
    public PhoneNumber purchase(UUID networkId, Purchase p, String actor) {
        String e164 = PhoneNumbers.northAmerican(p.number(), "number");
        String forwarding = null;
        if (!p.useDefaultForwarding()) {
            forwarding = PhoneNumbers.e164(p.forwardingNumber(), "forwarding.number");
            if (forwarding.equals(e164)) {
                throw ProblemException.invalidField("forwarding.number", "a number cannot forward to itself");
            }
        }
        if (PhoneNumber.findById(e164) != null) {
            throw ProblemException.conflict("The number " + e164 + " is already taken; search again for an available one");
        }
        String orderId;
        try {
            orderId = carrier.purchase(e164);
        } catch (Carrier.CarrierException e) {
            throw ProblemException.conflict("The carrier could not sell " + e164 + ": " + e.getMessage());
        }
        PhoneNumber n = new PhoneNumber();
        n.number = e164;
        n.networkId = networkId;
        n.usage = p.usage();
        n.status = PhoneNumber.Status.AVAILABLE;
        n.areaCode = e164.substring(2, 5);
        n.tollFree = Carrier.TOLL_FREE_PREFIXES.contains(n.areaCode);
        n.useDefaultForwarding = p.useDefaultForwarding();
        n.forwardingNumber = forwarding;
        n.smsAllowed = p.smsAllowed();
        n.isLead = p.isLead();
        n.campaign = p.campaign() == null || p.campaign().isBlank() ? null : p.campaign().trim();
        n.carrierOrderId = orderId;
        n.purchasedAt = Instant.now();
        n.persistAndFlush();
        events.number(NumberChanged.PURCHASED, n, actor);
        return n;
    }

    @Transactional
    public PhoneNumber get(UUID networkId, String raw) {
        String e164 = PhoneNumbers.e164(raw, "number");
        return PhoneNumber.findInNetwork(networkId, e164).orElseThrow(() -> ProblemException.notFound("Number", e164));
    }

    @Transactional
    public Page list(UUID networkId, ListQuery q) {
        StringBuilder where = new StringBuilder("networkId = :network");
        Parameters params = Parameters.with("network", networkId);
        if (q.status() != null) {
            where.append(" and status = :status");
            params.and("status", q.status());
        }
        if (q.usage() != null) {
            where.append(" and usage = :usage");
            params.and("usage", q.usage());
        }
        if (q.areaCode() != null) {
            where.append(" and areaCode = :areaCode");
            params.and("areaCode", q.areaCode());
        }
        if (q.search() != null && !q.search().isBlank()) {
            String digits = q.search().replaceAll("[^0-9]", "");
            if (digits.isEmpty()) {
                throw ProblemException.invalidField("search", "give some digits of the number");
            }
            where.append(" and number like :digits");
            params.and("digits", "%" + digits + "%");
        }
        if (q.cursor() != null && !q.cursor().isBlank()) {
            where.append(" and number > :after");
            params.and("after", q.cursor());
        }
        List<PhoneNumber> rows = PhoneNumber.<PhoneNumber>find(where + " order by number", params).page(0, q.limit() + 1).list();
        String next = null;
        if (rows.size() > q.limit()) {
            rows = rows.subList(0, q.limit());
            next = rows.get(rows.size() - 1).number;
        }
        return new Page(rows, next);
    }

    /** Gives a number nobody holds back to the carrier. */
    @Transactional
    public void release(UUID networkId, String raw, String actor) {
        String e164 = PhoneNumbers.e164(raw, "number");
        PhoneNumber n = PhoneNumber.lockInNetwork(networkId, e164).orElseThrow(() -> ProblemException.notFound("Number", e164));
        if (n.status == PhoneNumber.Status.ASSIGNED) {
            throw ProblemException.conflict(e164 + " is a person's number (user " + n.userId
                    + "); replace or remove it first, then release it from the reserve list");
        }
        carrier.release(e164);
        events.number(NumberChanged.RELEASED, n, actor);
        n.delete();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
