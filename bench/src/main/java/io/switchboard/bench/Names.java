package io.switchboard.bench;

import java.util.Random;

/** Realistic first and last names for filling a network: common ones repeat, as in a real directory. */
final class Names {

    private static final String[] FIRST = {"Ava", "Ben", "Cleo", "Dev", "Elena", "Finn", "Gia", "Hugo", "Iris", "Jon",
            "Kai", "Lena", "Milo", "Nora", "Omar", "Pia", "Quinn", "Rosa", "Sam", "Tara", "Uma", "Vic", "Wren", "Xena",
            "Yusuf", "Zoe", "Maria", "James", "Linda", "Robert", "Patricia", "Michael", "Jennifer", "David", "Susan"};
    private static final String[] LAST = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
            "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore",
            "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis",
            "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores"};

    private Names() {
    }

    static String first(Random random) {
        return FIRST[random.nextInt(FIRST.length)];
    }

    static String last(Random random) {
        return LAST[random.nextInt(LAST.length)];
    }
}
