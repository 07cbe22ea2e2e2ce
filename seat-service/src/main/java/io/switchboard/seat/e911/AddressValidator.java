package io.switchboard.seat.e911;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Offline E911 address validation and normalization for the US and Canada: required fields, USPS abbreviations for
 * street suffixes, directions and unit designators, state / province codes (full names accepted), ZIP and postal code
 * formats, and consistency of the ZIP (or the postal code's first three characters) with the state and the city, from
 * the bundled data in {@code e911/} (derived from the npm package zipcodes; see its README). Near misses come back as
 * suggestions: the state a ZIP belongs to, the city a misspelled name is closest to.
 */
@ApplicationScoped
public class AddressValidator {

    public record Address(String street, String unit, String city, String state, String country, String postalCode) {
    }

    public record Issue(String field, String message, String suggestion) {
    }

    public record Result(boolean valid, Address normalized, List<Issue> issues) {
    }

    private static final Map<String, String> SUFFIXES = Map.ofEntries(
            Map.entry("STREET", "ST"), Map.entry("AVENUE", "AVE"), Map.entry("BOULEVARD", "BLVD"), Map.entry("ROAD", "RD"),
            Map.entry("DRIVE", "DR"), Map.entry("LANE", "LN"), Map.entry("COURT", "CT"), Map.entry("PLACE", "PL"),
            Map.entry("PARKWAY", "PKWY"), Map.entry("HIGHWAY", "HWY"), Map.entry("CIRCLE", "CIR"), Map.entry("TERRACE", "TER"),
            Map.entry("SQUARE", "SQ"), Map.entry("TRAIL", "TRL"), Map.entry("EXPRESSWAY", "EXPY"), Map.entry("FREEWAY", "FWY"),
            Map.entry("PLAZA", "PLZ"), Map.entry("CENTER", "CTR"), Map.entry("MOUNT", "MT"), Map.entry("HEIGHTS", "HTS"),
            Map.entry("NORTH", "N"), Map.entry("SOUTH", "S"), Map.entry("EAST", "E"), Map.entry("WEST", "W"),
            Map.entry("NORTHEAST", "NE"), Map.entry("NORTHWEST", "NW"), Map.entry("SOUTHEAST", "SE"), Map.entry("SOUTHWEST", "SW"));
    private static final Map<String, String> UNITS = Map.of("SUITE", "STE", "APARTMENT", "APT", "FLOOR", "FL",
            "BUILDING", "BLDG", "ROOM", "RM", "DEPARTMENT", "DEPT", "UNIT", "UNIT", "SPACE", "SPC");
    private static final Set<String> PROVINCES = Set.of("AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT");

    private final Map<String, String[]> zips = new HashMap<>();
    private final Map<String, String[]> fsas = new HashMap<>();
    private final Map<String, String> stateCodes = new HashMap<>();

    public AddressValidator() {
        read("/e911/us-states.csv", f -> stateCodes.put(f[0].trim().toUpperCase(Locale.ROOT), f[1].trim()));
        read("/e911/us-zips.csv", f -> zips.put(f[0], new String[]{f[1], f[2]}));
        read("/e911/ca-fsas.csv", f -> fsas.putIfAbsent(f[0], new String[]{f[1], f[2]}));
        stateCodes.put("NORTHWEST TERRITORIES", "NT");
        stateCodes.put("NEWFOUNDLAND AND LABRADOR", "NL");
        stateCodes.put("YUKON", "YT");
    }

    public Result validate(Address in) {
        List<Issue> issues = new ArrayList<>();
        String country = upper(in.country());
        if (country == null || country.isEmpty()) {
            country = "US";
        }
        if (country.equals("USA") || country.equals("UNITED STATES")) {
            country = "US";
        } else if (country.equals("CANADA")) {
            country = "CA";
        }
        if (!country.equals("US") && !country.equals("CA")) {
            issues.add(new Issue("country", "E911 addresses must be in the US or Canada", null));
        }
        String street = required(in.street(), "street", issues);
        String city = required(in.city(), "city", issues);
        String state = required(in.state(), "state", issues);
        String postal = required(in.postalCode(), "postalCode", issues);
        street = street == null ? null : words(street, SUFFIXES);
        String unit = in.unit() == null || in.unit().isBlank() ? null : words(in.unit(), UNITS);
        if (state != null && state.length() > 2) {
            state = stateCodes.getOrDefault(state, state);
        }
        if (issues.isEmpty()) {
            if (country.equals("US")) {
                checkUs(state, city, postal, issues);
                postal = postal.replaceAll("\\s", "");
            } else {
                postal = postal.replaceAll("\\s", "");
                checkCanada(state, postal, issues);
                if (postal.length() == 6) {
                    postal = postal.substring(0, 3) + " " + postal.substring(3);
                }
            }
        }
        Address normalized = new Address(street, unit, city, state, country, postal);
        return new Result(issues.isEmpty(), normalized, issues);
    }

    private void checkUs(String state, String city, String postal, List<Issue> issues) {
        if (!stateCodes.containsValue(state) || PROVINCES.contains(state)) {
            issues.add(new Issue("state", "'" + state + "' is not a US state code", null));
        }
        String zip = postal.replaceAll("\\s", "");
        if (!zip.matches("\\d{5}(-\\d{4})?")) {
            issues.add(new Issue("postalCode", "a US ZIP code is 5 digits, or ZIP+4 such as 92101-1234", null));
            return;
        }
        String[] known = zips.get(zip.substring(0, 5));
        if (known == null) {
            issues.add(new Issue("postalCode", "ZIP " + zip.substring(0, 5) + " does not exist", null));
            return;
        }
        if (!known[1].equals(state)) {
            issues.add(new Issue("state", "ZIP " + zip.substring(0, 5) + " is in " + known[1] + ", not " + state, known[1]));
        }
        String expected = known[0].toUpperCase(Locale.ROOT);
        if (!expected.equals(city)) {
            int distance = distance(expected, city);
            issues.add(new Issue("city", distance <= 3
                    ? "did you mean " + expected + "? ZIP " + zip.substring(0, 5) + " is in " + expected
                    : "ZIP " + zip.substring(0, 5) + " is in " + expected + ", not " + city, expected));
        }
    }

    private void checkCanada(String province, String postal, List<Issue> issues) {
        if (!PROVINCES.contains(province)) {
            issues.add(new Issue("state", "'" + province + "' is not a Canadian province or territory code", null));
        }
        if (!postal.matches("[A-Z]\\d[A-Z]\\d[A-Z]\\d")) {
            issues.add(new Issue("postalCode", "a Canadian postal code looks like K1A 0B1", null));
            return;
        }
        String[] area = fsas.get(postal.substring(0, 3));
        if (area == null) {
            issues.add(new Issue("postalCode", "postal code area " + postal.substring(0, 3) + " does not exist", null));
            return;
        }
        String code = stateCodes.get(area[1].toUpperCase(Locale.ROOT));
        if (code != null && !code.equals(province)) {
            issues.add(new Issue("state", "postal code " + postal.substring(0, 3) + " is in " + code + ", not " + province, code));
        }
    }

    /** Upper case, single spaces, and the USPS abbreviation for every word that has one. */
    private static String words(String text, Map<String, String> abbreviations) {
        String[] parts = upper(text).replaceAll("[.,]", " ").trim().split("\\s+");
        StringBuilder out = new StringBuilder();
        for (String p : parts) {
            out.append(out.isEmpty() ? "" : " ").append(abbreviations.getOrDefault(p, p));
        }
        String result = out.toString();
        return result;
    }

    private static String required(String value, String field, List<Issue> issues) {
        if (value == null || value.isBlank()) {
            issues.add(new Issue(field, "is required", null));
            return null;
        }
        return upper(value).replaceAll("\\s+", " ");
    }

    private static String upper(String s) {
        return s == null ? null : s.trim().toUpperCase(Locale.ROOT);
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static void read(String resource, Consumer<String[]> row) {
        try (InputStream in = AddressValidator.class.getResourceAsStream(resource);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                row.accept(line.split(",", -1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
