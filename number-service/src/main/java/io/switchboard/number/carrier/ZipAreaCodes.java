package io.switchboard.number.carrier;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** ZIP code → the area codes serving it, from the bundled {@code carrier/zip3-area-codes.csv} (by 3-digit prefix). */
@ApplicationScoped
public class ZipAreaCodes {

    private final Map<String, List<String>> byZip3 = new HashMap<>();

    public ZipAreaCodes() {
        try (InputStream in = getClass().getResourceAsStream("/carrier/zip3-area-codes.csv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().filter(l -> !l.isBlank() && !l.startsWith("#") && !l.startsWith("zip3"))
                    .forEach(l -> {
                        String[] parts = l.split(",");
                        byZip3.put(parts[0].trim(), Arrays.asList(parts[1].trim().split("\\s+")));
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<List<String>> areaCodesOf(String zip) {
        return Optional.ofNullable(byZip3.get(zip.substring(0, 3)));
    }
}
