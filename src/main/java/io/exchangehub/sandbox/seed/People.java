package io.exchangehub.sandbox.seed;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/** The seeded world's people, derived from the seed alone so that every mailbox agrees on them. */
final class People {

    static final int CUSTOMERS = 720;
    static final int COLLEAGUES = 150;

    private People() {}

    /** Customer and partner contacts: the people who write to the sandbox users. */
    static List<Person> customers(long seed) {
        SplittableRandom random = new SplittableRandom(seed * 7919 + 17);
        List<Person> people = new ArrayList<>();
        Set<String> emails = new HashSet<>();
        while (people.size() < CUSTOMERS) {
            String given = Vocabulary.pick(random, Vocabulary.GIVEN_NAMES);
            String surname = Vocabulary.pick(random, Vocabulary.SURNAMES);
            String[] company = Vocabulary.pick(random, Vocabulary.COMPANIES);
            String email = ascii(given) + "." + ascii(surname) + "@" + company[1];
            if (!emails.add(email)) {
                continue;
            }
            int city = random.nextInt(Vocabulary.CITIES.size());
            people.add(new Person(given, surname, email, company[0], Vocabulary.pick(random, Vocabulary.JOB_TITLES),
                    Vocabulary.pick(random, Vocabulary.DEPARTMENTS), city, phone(random), phone(random)));
        }
        return people;
    }

    /** People of the sandbox organisation besides the sandbox users: the rest of the address list. */
    static List<Person> colleagues(long seed, String domain) {
        SplittableRandom random = new SplittableRandom(seed * 104729 + 3);
        List<Person> people = new ArrayList<>();
        Set<String> emails = new HashSet<>(List.of("alice@" + domain, "bob@" + domain, "carol@" + domain, "sales@" + domain));
        while (people.size() < COLLEAGUES) {
            String given = Vocabulary.pick(random, Vocabulary.GIVEN_NAMES);
            String surname = Vocabulary.pick(random, Vocabulary.SURNAMES);
            String email = ascii(given) + "." + ascii(surname) + "@" + domain;
            if (!emails.add(email)) {
                continue;
            }
            people.add(new Person(given, surname, email, "Contoso", Vocabulary.pick(random, Vocabulary.JOB_TITLES),
                    Vocabulary.pick(random, Vocabulary.DEPARTMENTS), random.nextInt(Vocabulary.CITIES.size()),
                    phone(random), phone(random)));
        }
        return people;
    }

    /** An address-safe form of a name: accents dropped, spaces and apostrophes removed. */
    static String ascii(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return decomposed.replace("ø", "o").replace("Ø", "O").replace("ß", "ss").replaceAll("[^A-Za-z]", "")
                .toLowerCase(Locale.ROOT);
    }

    private static String phone(SplittableRandom random) {
        return String.format("+%d %d %04d %04d", 1 + random.nextInt(98), 10 + random.nextInt(89), random.nextInt(10000),
                random.nextInt(10000));
    }
}
