package io.switchboard.directory.service;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import io.switchboard.directory.config.DirectoryConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;

/**
 * Bcrypt password hashes. Passwords longer than bcrypt's 72 bytes are pre-hashed with SHA-512 instead of being cut
 * short, so every character counts.
 */
@ApplicationScoped
public class PasswordHasher {

    private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2B;

    private final BCrypt.Hasher hasher = BCrypt.with(VERSION, LongPasswordStrategies.hashSha512(VERSION));
    private final BCrypt.Verifyer verifyer = BCrypt.verifyer(VERSION, LongPasswordStrategies.hashSha512(VERSION));
    private final int cost;
    private final String dummyHash;

    public PasswordHasher(DirectoryConfig config) {
        this.cost = config.signIn().bcryptCost();
        this.dummyHash = hash("not a real password, only spends the time a real check would");
    }

    public String hash(String password) {
        return new String(hasher.hash(cost, password.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    public boolean matches(String password, String stored) {
        if (stored == null) {
            burn(password);
            return false;
        }
        return verifyer.verify(password.getBytes(StandardCharsets.UTF_8), stored.getBytes(StandardCharsets.UTF_8)).verified;
    }

    /** Spends as long as a real check, so a wrong email cannot be told from a wrong password by timing. */
    public void burn(String password) {
        verifyer.verify(password.getBytes(StandardCharsets.UTF_8), dummyHash.getBytes(StandardCharsets.UTF_8));
    }
}
