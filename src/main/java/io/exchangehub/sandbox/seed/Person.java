package io.exchangehub.sandbox.seed;

import io.exchangehub.sandbox.store.Recipient;

/**
 * Someone in the seeded world: a customer contact or a colleague.
 *
 * @param givenName  first name
 * @param surname    last name
 * @param email      SMTP address
 * @param company    company name
 * @param title      job title
 * @param department department
 * @param city       index into {@link Vocabulary#CITIES}
 * @param phone      business phone
 * @param mobile     mobile phone
 */
record Person(String givenName, String surname, String email, String company, String title, String department, int city,
        String phone, String mobile) {

    String name() {
        return givenName + " " + surname;
    }

    Recipient recipient() {
        return new Recipient(name(), email);
    }

    String[] cityData() {
        return Vocabulary.CITIES.get(city);
    }
}
