package no.fint.platform.demo;

/** Norwegian names, places and registers the synthetic data is drawn from. */
final class Norway {

    private Norway() {
    }

    static final String[] FEMALE = {
        "Nora", "Emma", "Ella", "Maja", "Olivia", "Emilie", "Sofie", "Leah", "Sofia", "Ingrid", "Frida", "Sara",
        "Tiril", "Selma", "Ada", "Hedda", "Amalie", "Anna", "Alma", "Eva", "Mia", "Thea", "Live", "Ida", "Astrid",
        "Ellinor", "Vilde", "Linnea", "Iben", "Aurora", "Mathilde", "Jenny", "Tuva", "Julie", "Oda", "Sigrid",
        "Kaja", "Hanna", "Marte", "Silje", "Kari", "Anne", "Inger", "Marit", "Liv", "Ingeborg", "Randi", "Solveig",
        "Hilde", "Berit", "Tone", "Camilla", "Kristin", "Guro", "Åse", "Ragnhild", "Synnøve", "Margrethe",
        "Aisha", "Amina", "Zofia", "Hiba"};

    static final String[] MALE = {
        "Jakob", "Emil", "Noah", "Oliver", "Filip", "William", "Lucas", "Liam", "Henrik", "Oskar", "Aksel",
        "Theodor", "Elias", "Kasper", "Magnus", "Johannes", "Isak", "Mathias", "Tobias", "Olav", "Sander", "Jonas",
        "Ludvig", "Adrian", "Even", "Sebastian", "Markus", "Håkon", "Iver", "Sigurd", "Vetle", "Eirik", "Kristian",
        "Ole", "Lars", "Per", "Jan", "Bjørn", "Knut", "Arne", "Tor", "Geir", "Terje", "Rune", "Morten", "Trond",
        "Espen", "Stian", "Øystein", "Ståle", "Andreas", "Thomas", "Martin", "Erlend", "Sindre", "Ørjan",
        "Mohammed", "Ali", "Jakub", "Lukas"};

    static final String[] SURNAMES = {
        "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen", "Jensen",
        "Karlsen", "Johnsen", "Pettersen", "Eriksen", "Berg", "Haugen", "Hagen", "Johannessen", "Andreassen",
        "Jacobsen", "Dahl", "Jørgensen", "Henriksen", "Lund", "Halvorsen", "Sørensen", "Jakobsen", "Moen",
        "Gundersen", "Iversen", "Strand", "Solberg", "Svendsen", "Eide", "Knutsen", "Martinsen", "Paulsen",
        "Bakken", "Kristoffersen", "Mathisen", "Lie", "Amundsen", "Nguyen", "Rasmussen", "Ali", "Lunde", "Solheim",
        "Berge", "Moe", "Nygård", "Bakke", "Kristensen", "Fredriksen", "Holm", "Lien", "Hauge", "Christensen",
        "Andresen", "Nielsen", "Knudsen", "Evensen", "Sæther", "Aas", "Myhre", "Hanssen", "Ahmed", "Haugland",
        "Thomassen", "Sivertsen", "Simonsen", "Danielsen", "Berntsen", "Sandvik", "Rønning", "Arnesen",
        "Antonsen", "Næss", "Vik", "Haug", "Ellingsen", "Thorsen", "Edvardsen", "Birkeland", "Isaksen",
        "Gulbrandsen", "Ruud", "Aasen", "Strøm", "Myklebust", "Tangen", "Ødegård", "Eliassen", "Helland", "Bøe",
        "Jenssen", "Aune", "Mikkelsen", "Tveit", "Brekke", "Abrahamsen", "Madsen", "Kowalski", "Hussain"};

    static final String[] STREETS = {
        "Storgata", "Kirkegata", "Skolegata", "Parkveien", "Strandveien", "Fjordveien", "Bjørkeveien", "Granveien",
        "Furuveien", "Eikeveien", "Lønneveien", "Rognveien", "Solbakken", "Utsikten", "Bakkeveien", "Åsveien",
        "Sjøgata", "Torggata", "Jernbanegata", "Brugata", "Elvegata", "Nordre gate", "Søndre gate", "Østre vei",
        "Vestre vei", "Lindealléen", "Kongens gate", "Dronningens gate", "Prinsens gate", "Olav Tryggvasons gate",
        "Haraldsgata", "Ringveien", "Myrveien", "Heiveien", "Tunveien", "Gårdsveien", "Løkkeveien", "Engveien",
        "Skogveien", "Markaveien"};

    /** A postal place with its kommune and fylke (kommunenummer from 2024). */
    record Place(String postnummer, String poststed, String kommunenummer, String kommune, String fylkesnummer) {
    }

    static final Place[] PLACES = {
        new Place("0150", "OSLO", "0301", "Oslo", "03"),
        new Place("4006", "STAVANGER", "1103", "Stavanger", "11"),
        new Place("4306", "SANDNES", "1108", "Sandnes", "11"),
        new Place("5527", "HAUGESUND", "1106", "Haugesund", "11"),
        new Place("6002", "ÅLESUND", "1508", "Ålesund", "15"),
        new Place("6413", "MOLDE", "1506", "Molde", "15"),
        new Place("6509", "KRISTIANSUND N", "1505", "Kristiansund", "15"),
        new Place("8006", "BODØ", "1804", "Bodø", "18"),
        new Place("8622", "MO I RANA", "1833", "Rana", "18"),
        new Place("1606", "FREDRIKSTAD", "3107", "Fredrikstad", "31"),
        new Place("1706", "SARPSBORG", "3105", "Sarpsborg", "31"),
        new Place("1771", "HALDEN", "3101", "Halden", "31"),
        new Place("1530", "MOSS", "3103", "Moss", "31"),
        new Place("1300", "SANDVIKA", "3201", "Bærum", "32"),
        new Place("1384", "ASKER", "3203", "Asker", "32"),
        new Place("2000", "LILLESTRØM", "3205", "Lillestrøm", "32"),
        new Place("3015", "DRAMMEN", "3301", "Drammen", "33"),
        new Place("3611", "KONGSBERG", "3303", "Kongsberg", "33"),
        new Place("3511", "HØNEFOSS", "3305", "Ringerike", "33"),
        new Place("2317", "HAMAR", "3403", "Hamar", "34"),
        new Place("2609", "LILLEHAMMER", "3405", "Lillehammer", "34"),
        new Place("2815", "GJØVIK", "3407", "Gjøvik", "34"),
        new Place("2211", "KONGSVINGER", "3401", "Kongsvinger", "34"),
        new Place("3110", "TØNSBERG", "3905", "Tønsberg", "39"),
        new Place("3210", "SANDEFJORD", "3907", "Sandefjord", "39"),
        new Place("3256", "LARVIK", "3909", "Larvik", "39"),
        new Place("3724", "SKIEN", "4003", "Skien", "40"),
        new Place("3915", "PORSGRUNN", "4001", "Porsgrunn", "40"),
        new Place("4610", "KRISTIANSAND S", "4204", "Kristiansand", "42"),
        new Place("4836", "ARENDAL", "4203", "Arendal", "42"),
        new Place("5003", "BERGEN", "4601", "Bergen", "46"),
        new Place("5411", "STORD", "4614", "Stord", "46"),
        new Place("7010", "TRONDHEIM", "5001", "Trondheim", "50"),
        new Place("7600", "LEVANGER", "5037", "Levanger", "50"),
        new Place("9008", "TROMSØ", "5501", "Tromsø", "55"),
        new Place("9405", "HARSTAD", "5503", "Harstad", "55"),
        new Place("9510", "ALTA", "5601", "Alta", "56"),
    };

    /** Fylkesnummer and name (the 15 fylker from 2024). */
    static final String[][] FYLKER = {
        {"03", "Oslo"}, {"11", "Rogaland"}, {"15", "Møre og Romsdal"}, {"18", "Nordland"}, {"31", "Østfold"},
        {"32", "Akershus"}, {"33", "Buskerud"}, {"34", "Innlandet"}, {"39", "Vestfold"}, {"40", "Telemark"},
        {"42", "Agder"}, {"46", "Vestland"}, {"50", "Trøndelag"}, {"55", "Troms"}, {"56", "Finnmark"}};

    /** ISO 3166 alpha-2 and Norwegian name; Norway first (most addresses and citizenships). */
    static final String[][] COUNTRIES = {
        {"NO", "Norge"}, {"SE", "Sverige"}, {"DK", "Danmark"}, {"FI", "Finland"}, {"IS", "Island"},
        {"DE", "Tyskland"}, {"PL", "Polen"}, {"LT", "Litauen"}, {"UA", "Ukraina"}, {"SY", "Syria"},
        {"SO", "Somalia"}, {"ER", "Eritrea"}, {"AF", "Afghanistan"}, {"IQ", "Irak"}, {"IR", "Iran"},
        {"PK", "Pakistan"}, {"PH", "Filippinene"}, {"TH", "Thailand"}, {"VN", "Vietnam"}, {"GB", "Storbritannia"},
        {"US", "USA"}, {"FR", "Frankrike"}, {"ES", "Spania"}, {"RO", "Romania"}};

    /** ISO 639-3 code and Norwegian name; the first two are the målformer. */
    static final String[][] LANGUAGES = {
        {"nob", "Norsk bokmål"}, {"nno", "Norsk nynorsk"}, {"sme", "Nordsamisk"}, {"eng", "Engelsk"},
        {"pol", "Polsk"}, {"lit", "Litauisk"}, {"ukr", "Ukrainsk"}, {"ara", "Arabisk"}, {"som", "Somali"},
        {"tir", "Tigrinja"}, {"prs", "Dari"}, {"vie", "Vietnamesisk"}};

    /** Place names for schools (a school's name is a place plus "videregående skole"). */
    static final String[] SCHOOL_PLACES = {
        "Nordbyen", "Sjøholmen", "Elvebakken", "Heiane", "Fjellheim", "Strandlia", "Bjørkelund", "Furuset",
        "Haugtun", "Solvang", "Kvernhusmoen", "Breivika", "Åsen", "Lundamo", "Vikasand", "Nesodden", "Tangen",
        "Sandmoen", "Granåsen", "Lilleby", "Kirkenes", "Holmen", "Rosenvik", "Eidsvollbakken", "Skogly", "Myrvoll",
        "Dalen", "Bakkehaug", "Hovden", "Storsletta", "Ørnes", "Steinkjær", "Nyhavna", "Tveita", "Lyngdal",
        "Øvrebø", "Fagerli", "Sortland", "Torvet", "Kleppe"};
}
