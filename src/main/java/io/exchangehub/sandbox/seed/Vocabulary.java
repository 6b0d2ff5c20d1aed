package io.exchangehub.sandbox.seed;

import java.util.List;
import java.util.SplittableRandom;

/** The words the seed builds people, companies and mail from; plain data, picked deterministically. */
final class Vocabulary {

    static final List<String> GIVEN_NAMES = List.of(
            "Aaron", "Abigail", "Adrian", "Aisha", "Akira", "Alejandro", "Amelia", "Ana", "Andrea", "Anika", "Arjun", "Astrid",
            "Beatriz", "Benjamin", "Björn", "Camille", "Carlos", "Chen", "Chiara", "Chloé", "Daniel", "Dmitri", "Elena", "Elif",
            "Emma", "Erik", "Fatima", "Felix", "Fernando", "Fiona", "François", "Gabriel", "Grace", "Hana", "Hannah", "Henrik",
            "Hiroshi", "Ines", "Isabel", "Ivan", "Jakub", "James", "Jana", "Javier", "Jin", "Johanna", "José", "Julia", "Kai",
            "Karim", "Katarzyna", "Kenji", "Lara", "Laura", "Lena", "Leon", "Liam", "Lucas", "Lucía", "Maja", "Marco", "María",
            "Mateo", "Mei", "Mia", "Mohammed", "Nadia", "Niamh", "Nikolai", "Noah", "Nora", "Olivia", "Omar", "Oskar", "Paula",
            "Pedro", "Priya", "Rafael", "Rahul", "Rosa", "Ryan", "Sakura", "Samuel", "Sara", "Sebastian", "Sofia", "Søren",
            "Tariq", "Theo", "Tomás", "Valentina", "Victor", "Wei", "William", "Yasmin", "Yuki", "Zainab", "Zoe");

    static final List<String> SURNAMES = List.of(
            "Achterberg", "Alvarez", "Andersson", "Baker", "Banerjee", "Becker", "Bianchi", "Brown", "Castillo", "Chowdhury",
            "Costa", "Dubois", "Eriksen", "Fischer", "Fontaine", "García", "Gonzalez", "Haas", "Hansen", "Hoffmann", "Ibrahim",
            "Ito", "Jansen", "Jensen", "Johansson", "Kaur", "Kim", "Kowalski", "Kumar", "Larsen", "Laurent", "Lee", "Lindqvist",
            "López", "Martin", "Martínez", "Moreau", "Müller", "Murphy", "Nakamura", "Nguyen", "Nielsen", "Novak", "O'Brien",
            "Okafor", "Olsen", "Park", "Patel", "Peeters", "Pereira", "Petrov", "Popescu", "Quinn", "Rahman", "Ramos", "Rossi",
            "Sánchez", "Santos", "Schmidt", "Schneider", "Silva", "Singh", "Smith", "Sørensen", "Suzuki", "Tanaka", "Taylor",
            "Thompson", "Van den Berg", "Varga", "Wagner", "Walsh", "Wang", "Weber", "Williams", "Wójcik", "Yamamoto", "Yilmaz",
            "Zhang", "Zimmermann");

    /** Customer and partner companies: name and e-mail domain. */
    static final List<String[]> COMPANIES = List.of(
            new String[] {"ACME Corporation", "acme.example"}, new String[] {"Globex", "globex.example"},
            new String[] {"Initech", "initech.example"}, new String[] {"Umbrella Health", "umbrella-health.example"},
            new String[] {"Stark Industries", "stark.example"}, new String[] {"Wayne Logistics", "wayne-logistics.example"},
            new String[] {"Hooli", "hooli.example"}, new String[] {"Vandelay Imports", "vandelay.example"},
            new String[] {"Soylent Foods", "soylent.example"}, new String[] {"Tyrell Systems", "tyrell.example"},
            new String[] {"Nordwind Handel GmbH", "nordwind.example"}, new String[] {"Lumière SA", "lumiere.example"},
            new String[] {"Sakura Electronics", "sakura-electronics.example"}, new String[] {"Oceanic Airlines", "oceanic.example"},
            new String[] {"Blue Fjord AS", "bluefjord.example"}, new String[] {"Pampas Agro", "pampas-agro.example"},
            new String[] {"Kestrel Insurance", "kestrel.example"}, new String[] {"Northwind Traders", "northwind.example"},
            new String[] {"Fabrikam", "fabrikam.example"}, new String[] {"Tailspin Toys", "tailspin.example"},
            new String[] {"Wingtip Travel", "wingtip.example"}, new String[] {"Alpine Ski House", "alpineski.example"},
            new String[] {"Coho Winery", "cohowinery.example"}, new String[] {"Adventure Works", "adventure-works.example"});

    static final List<String> JOB_TITLES = List.of(
            "Account Manager", "Sales Director", "Procurement Lead", "CFO", "CTO", "Head of Operations", "IT Manager",
            "Purchasing Manager", "Office Manager", "Project Manager", "Marketing Manager", "Legal Counsel", "Controller",
            "Customer Success Manager", "Solutions Architect", "Managing Director", "Buyer", "Logistics Coordinator");

    static final List<String> DEPARTMENTS = List.of("Sales", "Finance", "IT", "Operations", "Marketing", "Legal", "Support",
            "Procurement", "Engineering", "Human Resources");

    /** City, state, postal code, country, IANA zone, street. */
    static final List<String[]> CITIES = List.of(
            new String[] {"Berlin", "BE", "10115", "Germany", "Europe/Berlin", "Friedrichstraße"},
            new String[] {"Munich", "BY", "80331", "Germany", "Europe/Berlin", "Leopoldstraße"},
            new String[] {"London", "", "EC2A 4BX", "United Kingdom", "Europe/London", "Bishopsgate"},
            new String[] {"Paris", "", "75008", "France", "Europe/Paris", "Rue de Rivoli"},
            new String[] {"New York", "NY", "10017", "United States", "America/New_York", "Lexington Avenue"},
            new String[] {"Seattle", "WA", "98101", "United States", "America/Los_Angeles", "Pine Street"},
            new String[] {"Chicago", "IL", "60601", "United States", "America/Chicago", "Michigan Avenue"},
            new String[] {"Tokyo", "", "100-0005", "Japan", "Asia/Tokyo", "Marunouchi"},
            new String[] {"Sydney", "NSW", "2000", "Australia", "Australia/Sydney", "George Street"},
            new String[] {"São Paulo", "SP", "01310-100", "Brazil", "America/Sao_Paulo", "Avenida Paulista"},
            new String[] {"Madrid", "", "28013", "Spain", "Europe/Madrid", "Gran Vía"},
            new String[] {"Oslo", "", "0150", "Norway", "Europe/Oslo", "Karl Johans gate"},
            new String[] {"Mumbai", "MH", "400001", "India", "Asia/Kolkata", "Marine Drive"},
            new String[] {"Toronto", "ON", "M5H 2N2", "Canada", "America/Toronto", "Bay Street"});

    static final List<String> PRODUCTS = List.of("CRM Enterprise", "Analytics Suite", "Field Service", "Support Desk",
            "Marketing Cloud", "Data Platform", "Integration Hub", "Mobile Sales");

    static final List<String> TOPICS = List.of("renewal", "pricing", "onboarding", "roll-out plan", "security review",
            "invoice query", "support escalation", "contract amendment", "quarterly business review", "pilot results",
            "data migration", "training schedule", "licence count", "SLA report", "integration design", "purchase order");

    static final List<String> SUBJECT_TEMPLATES = List.of(
            "{company}: {product} {topic}", "Quote {number} for {company}", "{topic} – next steps", "Meeting notes: {topic}",
            "Invoice INV-{year}-{number}", "{company} {topic} follow-up", "Question about {product}", "Updated proposal for {company}",
            "Your {product} order {number}", "Agenda for our {topic} call", "Re-scheduling the {topic} workshop",
            "{product} release notes", "Contract draft v{small} – {company}", "Feedback on {topic}", "Reminder: {topic} due Friday");

    static final List<String> OPENINGS = List.of(
            "Thanks for the quick turnaround on this.", "Following up on our call earlier today.",
            "As promised, here is a short summary.", "I hope you had a good week.", "Apologies for the delay in getting back to you.",
            "Quick question before we finalise this.", "Good news from our side.", "I have looked into this with the team.");

    static final List<String> SENTENCES = List.of(
            "We would like to move forward with the {product} {topic} before the end of the quarter.",
            "Could you confirm the number of licences you need for the next twelve months?",
            "Our legal team has reviewed the amendment and only has minor comments on section 4.",
            "The pilot with the {company} field team went well and usage is up 35% since March.",
            "Please find the revised figures in the attached spreadsheet.",
            "I have blocked time on Thursday afternoon to walk through the {topic} with you.",
            "Procurement asked whether the price can be held if we sign by the 15th.",
            "The integration with your ERP system is scheduled for the second sprint.",
            "We still need the purchase order number to release the invoice.",
            "Support has resolved the escalation; the root cause was a misconfigured mailbox rule.",
            "Let me know if the proposed dates work for your team.",
            "The security questionnaire is complete; the SOC 2 report is available on request.",
            "I have copied my colleague who will take over the account from next month.",
            "The training sessions can be held on site or remotely, whichever suits you better.",
            "We are seeing strong interest in {product} from your regional offices.",
            "Attached is the updated roadmap with the items we discussed.");

    static final List<String> CLOSINGS = List.of("Best regards,", "Kind regards,", "Many thanks,", "Cheers,", "Thanks again,",
            "Viele Grüße,", "Best,");

    static final List<String> CATEGORIES = List.of("Customer", "Follow up", "Important", "Red category", "Blue category",
            "Partner", "Internal");

    static final List<String[]> ATTACHMENT_KINDS = List.of(
            new String[] {"Quote-{number}.pdf", "application/pdf"},
            new String[] {"Proposal-{company}.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
            new String[] {"Figures-{year}.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
            new String[] {"Roadmap.pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"},
            new String[] {"Invoice-{number}.pdf", "application/pdf"},
            new String[] {"site-photo-{small}.jpg", "image/jpeg"},
            new String[] {"meeting-notes.txt", "text/plain"},
            new String[] {"data-export-{number}.zip", "application/zip"});

    private Vocabulary() {}

    static <T> T pick(SplittableRandom random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    /** Replaces {placeholders} with deterministic choices. */
    static String fill(SplittableRandom random, String template, String company, String product, String topic) {
        return template.replace("{company}", company)
                .replace("{product}", product)
                .replace("{topic}", topic)
                .replace("{number}", String.valueOf(1000 + random.nextInt(9000)))
                .replace("{year}", String.valueOf(2023 + random.nextInt(4)))
                .replace("{small}", String.valueOf(2 + random.nextInt(8)));
    }
}
