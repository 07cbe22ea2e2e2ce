package io.switchboard.number.carrier;

import io.quarkus.arc.lookup.LookupIfProperty;
import io.switchboard.number.domain.PhoneNumber;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A carrier with a deterministic US inventory and no outside calls: for each area code it offers the same numbers in
 * the same order every time (a full-period walk over the area code's 8 million NXX-XXXX numbers), so tests and demos
 * are repeatable. Exchanges N11 and 555 are never offered, nor a number it already sold (one in our inventory).
 */
@ApplicationScoped
@LookupIfProperty(name = "switchboard.number.carrier", stringValue = "sandbox", lookupIfMissing = true)
public class SandboxCarrier implements Carrier {

    /** Exchanges 200–999 × lines 0000–9999. */
    private static final long SPACE = 8_000_000L;
    /** Coprime with SPACE, so i → (STEP·i + offset) mod SPACE visits every number once. */
    private static final long STEP = 2_654_435_761L % SPACE | 1;
    private static final int MAX_SCAN = 2_000_000;
    private static final int CHUNK = 200;

    /** Which of these numbers the sandbox has already sold: the ones some network bought through us. */
    private final Function<List<String>, Set<String>> soldNumbers;

    public SandboxCarrier() {
        this(candidates -> PhoneNumber.<PhoneNumber>list("number in ?1", candidates).stream()
                .map(n -> n.number).collect(Collectors.toSet()));
    }

    SandboxCarrier(Function<List<String>, Set<String>> soldNumbers) {
        this.soldNumbers = soldNumbers;
    }

    @Override
    public Page search(Search search) {
        List<String> prefixes = search.tollFree() ? TOLL_FREE_PREFIXES : search.areaCodes();
        int prefixIndex = 0;
        long position = 0;
        if (search.cursor() != null) {
            String[] parts = new String(Base64.getUrlDecoder().decode(search.cursor()), StandardCharsets.UTF_8).split(":");
            prefixIndex = Integer.parseInt(parts[0]);
            position = Long.parseLong(parts[1]);
        }
        List<String> found = new ArrayList<>();
        int scanned = 0;
        String digits = search.digits();
        // A long pattern is rare in a walk; build the numbers that contain it instead (at most a few hundred per prefix).
        boolean constructive = digits != null && digits.length() >= 5;
        long slots = constructive ? (8 - digits.length()) * pow10(7 - digits.length()) : SPACE;
        while (prefixIndex < prefixes.size() && found.size() < search.limit() && scanned < MAX_SCAN) {
            String prefix = prefixes.get(prefixIndex);
            // Candidates in a chunk, then one look-up of which are sold; the cursor stops right after the last one used.
            List<long[]> positions = new ArrayList<>();
            List<String> candidates = new ArrayList<>();
            long p = position;
            while (p < slots && candidates.size() < CHUNK && scanned < MAX_SCAN) {
                String subscriber = constructive ? containing(digits, p) : subscriber(prefix, p);
                scanned++;
                if (subscriber != null && (digits == null || (prefix + subscriber).contains(digits))) {
                    candidates.add("+1" + prefix + subscriber);
                    positions.add(new long[]{p});
                }
                p++;
            }
            Set<String> sold = candidates.isEmpty() ? Set.of() : soldNumbers.apply(candidates);
            position = p;
            for (int c = 0; c < candidates.size(); c++) {
                if (found.size() == search.limit()) {
                    position = positions.get(c)[0];
                    break;
                }
                if (!sold.contains(candidates.get(c))) {
                    found.add(candidates.get(c));
                }
            }
            if (position >= slots) {
                prefixIndex++;
                position = 0;
            }
        }
        boolean more = prefixIndex < prefixes.size();
        String next = more ? Base64.getUrlEncoder().withoutPadding()
                .encodeToString((prefixIndex + ":" + position).getBytes(StandardCharsets.UTF_8)) : null;
        return new Page(found, next);
    }

    @Override
    public String purchase(String e164) {
        if (!e164.startsWith("+1") || e164.length() != 12) {
            throw new CarrierException("the carrier sells North American numbers only");
        }
        String exchange = e164.substring(5, 8);
        if (exchange.charAt(0) < '2' || exchange.endsWith("11") || exchange.equals("555")) {
            throw new CarrierException("the carrier has no number " + e164 + " (exchange " + exchange + " is not in service)");
        }
        return "sbx-" + Long.toHexString(e164.hashCode() & 0xffffffffL) + "-" + System.currentTimeMillis();
    }

    @Override
    public void release(String e164) {
        // The sandbox has no outside state: a released number simply becomes searchable again.
    }

    /** The i-th subscriber number (NXX-XXXX) offered in an area code, or null when that slot is never offered. */
    private static String subscriber(String areaCode, long i) {
        long offset = Math.floorMod((long) areaCode.hashCode() * 7_919L, SPACE);
        long x = Math.floorMod(i * STEP + offset, SPACE);
        return offered(200 + (int) (x / 10_000), (int) (x % 10_000));
    }

    /** The i-th subscriber number with {@code digits} at some offset: i = offset · 10^(free) + filler. */
    private static String containing(String digits, long i) {
        int free = 7 - digits.length();
        long fillers = pow10(free);
        int offset = (int) (i / fillers);
        char[] filler = String.format("%0" + Math.max(free, 1) + "d", i % fillers).toCharArray();
        char[] out = new char[7];
        for (int p = 0, f = 0; p < 7; p++) {
            out[p] = p >= offset && p < offset + digits.length() ? digits.charAt(p - offset) : filler[f++];
        }
        String s = new String(out);
        return offered(Integer.parseInt(s.substring(0, 3)), Integer.parseInt(s.substring(3)));
    }

    private static String offered(int exchange, int line) {
        if (exchange < 200 || exchange % 100 == 11 || exchange == 555) {
            return null;
        }
        char[] c = new char[7];
        c[0] = (char) ('0' + exchange / 100);
        c[1] = (char) ('0' + exchange / 10 % 10);
        c[2] = (char) ('0' + exchange % 10);
        c[3] = (char) ('0' + line / 1000);
        c[4] = (char) ('0' + line / 100 % 10);
        c[5] = (char) ('0' + line / 10 % 10);
        c[6] = (char) ('0' + line % 10);
        return new String(c);
    }

    private static long pow10(int n) {
        long v = 1;
        for (int k = 0; k < n; k++) {
            v *= 10;
        }
        return v;
    }
}
