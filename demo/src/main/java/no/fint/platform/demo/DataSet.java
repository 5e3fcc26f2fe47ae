package no.fint.platform.demo;

import no.fint.platform.model.Component;
import no.fint.platform.model.InformationModel;
import no.fint.platform.model.ResourceType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A synthetic but realistic FINT data set of one county: schools, pupils, teachers, employees, the
 * organisation and the code lists they point to (model 4.0.30). Deterministic for (size, seed) and
 * generated lazily: an entry is computed when it is asked for, so even the large set (about a million
 * resources) is never held in memory.
 *
 * <p>Each resource is what a FINT v2 adapter sends: model attributes in model order (now and then an
 * explicit {@code null}), dates in the forms adapters use, {@code _links} with {@code ${type}/field/value}
 * placeholders including the resource's own {@code self} links, and relations only in the owning
 * direction (the side the model marks {@code isSource}); code-list relations have no inverse and are
 * always sent. Every link target is in the data set except the few {@link #danglingLinks()}.
 *
 * <p>Immutable and thread-safe: several threads may iterate (different or the same) types at once.
 */
public final class DataSet {

    /** About 1,000, 100,000 and 1,000,000 resources in total. */
    public enum Size { SMALL, MEDIUM, LARGE }

    /**
     * One resource as an adapter sends it.
     *
     * @param identifier its systemId value (organisasjonsId for organisasjonselement, fodselsnummer for person)
     * @param json       the resource, UTF-8 JSON
     */
    public record Entry(String identifier, byte[] json) {
        /** The JSON as a string. */
        public String text() {
            return new String(json, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return identifier + " " + text();
        }
    }

    /**
     * A link that deliberately points to nothing in the data set (as real data sometimes does).
     *
     * @param source     the resource type of the linking resource
     * @param identifier the linking resource's identifier
     * @param relation   the relation name
     * @param href       the link as sent (a placeholder)
     */
    public record DanglingLink(ResourceType source, String identifier, String relation, String href) {
    }

    /** How one resource type is written: resource {@code index} in {@code version} (0 = as in a full sync). */
    @FunctionalInterface
    interface Writer {
        /** Writes the resource into {@code out} (already reset) and returns its identifier. */
        String write(int index, int version, JsonOut out);
    }

    private record Generator(ResourceType type, int count, Writer writer) {
    }

    // Deliberately dangling link targets (documented in docs/architecture.md).
    static final String DANGLING_SKOLENUMMER = "99999";
    static final String DANGLING_KOMMUNE = "9999";
    static final String DANGLING_ANSATTNUMMER = "99999";
    static final String DANGLING_KLASSE = "49999999";

    private final Size size;
    private final long seed;
    private final Layout layout;
    private final Map<String, Generator> generators;
    private final List<ResourceType> types;
    private final int total;

    private DataSet(Size size, long seed) {
        this.size = size;
        this.seed = seed;
        this.layout = switch (size) {
            case SMALL -> new Layout(seed, 2, 70);
            case MEDIUM -> new Layout(seed, 27, 700);
            case LARGE -> new Layout(seed, 270, 700);
        };
        this.generators = build(InformationModel.load(), layout);
        List<ResourceType> t = new ArrayList<>();
        int n = 0;
        for (Generator g : generators.values()) {
            t.add(g.type());
            n += g.count();
        }
        this.types = Collections.unmodifiableList(t);
        this.total = n;
    }

    /** The data set of a size; the same (size, seed) always gives the same data. */
    public static DataSet of(Size size, long seed) {
        return new DataSet(size, seed);
    }

    public Size size() {
        return size;
    }

    public long seed() {
        return seed;
    }

    /** Every resource type, in the order an adapter syncs them: code lists and other targets first. */
    public List<ResourceType> types() {
        return types;
    }

    /** The type with this path, e.g. {@code /utdanning/elev/elev}. */
    public ResourceType type(String path) {
        Generator g = generators.get(path);
        if (g == null) {
            throw new IllegalArgumentException("Not in the data set: " + path);
        }
        return g.type();
    }

    public int count(ResourceType type) {
        return generator(type).count();
    }

    public int totalSize() {
        return total;
    }

    /** The resources of one type, generated one by one as the iterator advances. */
    public Iterator<Entry> entries(ResourceType type) {
        Generator g = generator(type);
        return new Iterator<>() {
            private final JsonOut out = new JsonOut();
            private int next;

            @Override
            public boolean hasNext() {
                return next < g.count();
            }

            @Override
            public Entry next() {
                if (next >= g.count()) {
                    throw new NoSuchElementException();
                }
                String id = g.writer().write(next++, 0, out.reset());
                return new Entry(id, out.bytes());
            }
        };
    }

    /** Resource {@code index} (0..count-1) of a type, as in the full sync. */
    public Entry entry(ResourceType type, int index) {
        return changed(type, index, 0);
    }

    /**
     * Resource {@code index} of a type as it looks after {@code version} changes (0 = as in the full
     * sync). What changes depends on the type: persons, elever and personalressurser get new mobile
     * numbers, an elevforhold moves to another school, a klassemedlemskap to another klasse, an
     * arbeidsforhold gets a smaller position; other types come back unchanged. Same identifier.
     */
    public Entry changed(ResourceType type, int index, int version) {
        Generator g = generator(type);
        if (index < 0 || index >= g.count()) {
            throw new IndexOutOfBoundsException(type + " has " + g.count() + " resources, not " + index);
        }
        if (version < 0) {
            throw new IllegalArgumentException("version " + version);
        }
        JsonOut out = new JsonOut();
        String id = g.writer().write(index, version, out);
        return new Entry(id, out.bytes());
    }

    /** The links that deliberately point to nothing in the data set (four, whatever the size). */
    public List<DanglingLink> danglingLinks() {
        return List.of(
                new DanglingLink(type("/utdanning/elev/elevforhold"), Layout.elevforholdId(danglingEnrolment()), "skole",
                        Links.placeholder(Parts.SKOLE, "skolenummer", DANGLING_SKOLENUMMER)),
                new DanglingLink(type("/utdanning/elev/person"), layout.people.identity(danglingPupilPerson()).fodselsnummer(),
                        "kommune", Links.placeholder(Parts.KOMMUNE, "systemid", DANGLING_KOMMUNE)),
                new DanglingLink(type("/administrasjon/personal/arbeidsforhold"), Layout.arbeidsforholdId(danglingJob()),
                        "personalleder", Links.placeholder(Parts.PERSONALRESSURS, "ansattnummer", DANGLING_ANSATTNUMMER)),
                new DanglingLink(type("/utdanning/elev/klassemedlemskap"), Layout.klassemedlemskapId(danglingMembership()),
                        "klasse", Links.placeholder(Parts.KLASSE, "systemid", DANGLING_KLASSE)));
    }

    private int danglingEnrolment() {
        return layout.enrolments() / 2;
    }

    private int danglingPupilPerson() {
        return layout.pupils() / 3;
    }

    private int danglingJob() {
        return layout.jobs() - 1; // one of the other staff's
    }

    private int danglingMembership() {
        return layout.enrolments() / 3;
    }

    private Generator generator(ResourceType type) {
        Generator g = generators.get(type.path());
        if (g == null) {
            throw new IllegalArgumentException("Not in the data set: " + type);
        }
        return g;
    }

    private Map<String, Generator> build(InformationModel model, Layout l) {
        Map<String, Generator> g = new LinkedHashMap<>();
        for (CodeLists.CodeList list : CodeLists.all()) {
            add(g, model, list.path(), list.codes().size(), (i, v, o) -> CodeListWriter.write(list, i, o));
        }
        OrganisationWriter organisation = new OrganisationWriter(l);
        PersonalWriter personal = new PersonalWriter(l);
        PersonWriter persons = new PersonWriter(l);
        SchoolWriter schools = new SchoolWriter(l);
        PupilWriter pupils = new PupilWriter(l);
        TeachingWriter teaching = new TeachingWriter(l, personal);

        add(g, model, "/administrasjon/organisasjon/organisasjonselement", l.units(), organisation::organisasjonselement);
        add(g, model, "/administrasjon/personal/personalressurs", l.employees(), personal::personalressurs);
        add(g, model, "/administrasjon/personal/arbeidsforhold", l.jobs(), (a, v, o) ->
                personal.arbeidsforhold(a, v, o, a == danglingJob() ? DANGLING_ANSATTNUMMER : null));
        add(g, model, "/administrasjon/personal/person", l.employees(), (r, v, o) ->
                persons.person(l.people.employee(r), v, o, Layout.ansattnummer(r), null));

        add(g, model, "/utdanning/utdanningsprogram/skole", l.schools, schools::skole);
        add(g, model, "/utdanning/utdanningsprogram/arstrinn", Layout.TRINN, schools::arstrinn);
        add(g, model, "/utdanning/utdanningsprogram/utdanningsprogram", Layout.PROGRAMS.length, schools::utdanningsprogram);
        add(g, model, "/utdanning/utdanningsprogram/programomrade", SchoolWriter.areas(), schools::programomrade);

        // Pupils' persons, then the teachers' (skoleressurs links to its person under utdanning/elev).
        add(g, model, "/utdanning/elev/person", l.pupils() + l.teachers(), (i, v, o) -> i < l.pupils()
                ? persons.person(i, v, o, null, i == danglingPupilPerson() ? DANGLING_KOMMUNE : null)
                : persons.person(l.people.employee(i - l.pupils()), v, o, null, null));
        add(g, model, "/utdanning/elev/elev", l.pupils(), pupils::elev);
        add(g, model, "/utdanning/elev/skoleressurs", l.teachers(), teaching::skoleressurs);
        add(g, model, "/utdanning/elev/undervisningsforhold", l.teachingJobs(), teaching::undervisningsforhold);
        add(g, model, "/utdanning/elev/klasse", l.classes(), teaching::klasse);
        add(g, model, "/utdanning/elev/kontaktlarergruppe", l.classes(), teaching::kontaktlarergruppe);
        add(g, model, "/utdanning/elev/elevforhold", l.enrolments(), (f, v, o) ->
                pupils.elevforhold(f, v, o, f == danglingEnrolment() ? DANGLING_SKOLENUMMER : null));
        add(g, model, "/utdanning/elev/klassemedlemskap", l.enrolments(), (f, v, o) ->
                pupils.klassemedlemskap(f, v, o, f == danglingMembership() ? DANGLING_KLASSE : null));
        return Collections.unmodifiableMap(g);
    }

    private static void add(Map<String, Generator> g, InformationModel model, String path, int count, Writer writer) {
        ResourceType type = model.resourceByPath(path)
                .orElseThrow(() -> new IllegalStateException(path + " is not in model " + model.version()));
        g.put(type.path(), new Generator(type, count, writer));
    }

    @Override
    public String toString() {
        return "DataSet " + size + " seed " + seed + " (" + total + " resources, " + types.size() + " types)";
    }

    /** For the component list in contracts: the components of the data set's types, in sync order. */
    public List<Component> components() {
        return types.stream().map(ResourceType::component).distinct().toList();
    }
}
