package no.fint.platform.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One class of the information model with its superclass chain resolved. Immutable once the
 * registry is built.
 */
public final class ModelClass {

    private final String name;
    private final String qualifiedName;
    private final String domain;
    private final String pkg;
    private final ClassKind kind;
    private final boolean writeable;
    private final boolean codeList;
    private final boolean deprecated;
    private final String route;
    private final List<Component> exposedUnder;
    private final List<Attribute> ownAttributes;
    private final List<Relation> ownRelations;
    private final String superclassName;

    // Resolved in link(): the whole chain, superclass first.
    private ModelClass superclass;
    private List<Attribute> attributes;
    private Map<String, Attribute> attributesByName;
    private List<Relation> relations;
    private Map<String, Relation> relationsByName;
    private List<String> identifiers;
    private List<String> selfLinkIdentifiers;

    ModelClass(String name, String qualifiedName, String domain, String pkg, ClassKind kind, boolean writeable,
               boolean codeList, boolean deprecated, String route, List<Component> exposedUnder,
               List<Attribute> ownAttributes, List<Relation> ownRelations, String superclassName) {
        this.name = name;
        this.qualifiedName = qualifiedName;
        this.domain = domain;
        this.pkg = pkg;
        this.kind = kind;
        this.writeable = writeable;
        this.codeList = codeList;
        this.deprecated = deprecated;
        this.route = route;
        this.exposedUnder = List.copyOf(exposedUnder);
        this.ownAttributes = List.copyOf(ownAttributes);
        this.ownRelations = List.copyOf(ownRelations);
        this.superclassName = superclassName;
    }

    void link(Map<String, ModelClass> all) {
        if (attributes != null) {
            return;
        }
        List<Attribute> attrs = new ArrayList<>();
        List<Relation> rels = new ArrayList<>();
        List<String> inheritedIds = new ArrayList<>();
        if (superclassName != null) {
            superclass = all.get(superclassName);
            if (superclass == null) {
                throw new IllegalStateException(qualifiedName + ": unknown superclass " + superclassName);
            }
            superclass.link(all);
            attrs.addAll(superclass.attributes);
            rels.addAll(superclass.relations);
            inheritedIds.addAll(superclass.selfLinkIdentifiers);
        }
        attrs.addAll(ownAttributes);
        rels.addAll(ownRelations);
        attributes = Collections.unmodifiableList(attrs);
        relations = Collections.unmodifiableList(rels);
        Map<String, Attribute> byName = new LinkedHashMap<>();
        attrs.forEach(a -> byName.put(a.name(), a));
        attributesByName = Collections.unmodifiableMap(byName);
        Map<String, Relation> relByName = new LinkedHashMap<>();
        rels.forEach(r -> relByName.put(r.name(), r));
        relationsByName = Collections.unmodifiableMap(relByName);
        identifiers = attrs.stream().filter(Attribute::identifier).map(Attribute::name).toList();
        // v1 self links: own identifier fields first (model order), then the inherited ones.
        List<String> self = new ArrayList<>(ownAttributes.stream().filter(Attribute::identifier).map(Attribute::name).toList());
        self.addAll(inheritedIds);
        selfLinkIdentifiers = List.copyOf(self);
    }

    /** Simple class name as in the model, e.g. {@code Elev}; not unique across packages. */
    public String name() {
        return name;
    }

    /** Unique key, e.g. {@code utdanning.elev.Elev} or {@code felles.Person}. */
    public String qualifiedName() {
        return qualifiedName;
    }

    public String domain() {
        return domain;
    }

    /** Package, nested packages joined by '.'; empty for felles.Person, Kontaktperson, Virksomhet. */
    public String pkg() {
        return pkg;
    }

    public ClassKind kind() {
        return kind;
    }

    public boolean isMain() {
        return kind == ClassKind.MAIN;
    }

    public boolean writeable() {
        return writeable;
    }

    public boolean codeList() {
        return codeList;
    }

    public boolean deprecated() {
        return deprecated;
    }

    /** The model's own route ({@code /utdanning/elev/elev}); empty for non-main and package-less classes. */
    public Optional<String> route() {
        return Optional.ofNullable(route);
    }

    /** For the package-less felles classes: the components that serve them. Empty otherwise. */
    public List<Component> exposedUnder() {
        return exposedUnder;
    }

    public Optional<ModelClass> superclass() {
        return Optional.ofNullable(superclass);
    }

    public List<Attribute> ownAttributes() {
        return ownAttributes;
    }

    /** Every attribute, superclass chain first, in JSON serialisation order. */
    public List<Attribute> attributes() {
        return attributes;
    }

    public Optional<Attribute> attribute(String attributeName) {
        return Optional.ofNullable(attributesByName.get(attributeName));
    }

    public List<Relation> ownRelations() {
        return ownRelations;
    }

    /** Every relation, superclass chain first, in model order. */
    public List<Relation> relations() {
        return relations;
    }

    public Optional<Relation> relation(String relationName) {
        return Optional.ofNullable(relationsByName.get(relationName));
    }

    /** Identifier attributes (single Identifikator) in serialisation order, e.g. Elev: brukernavn, elevnummer, feidenavn, systemId. */
    public List<String> identifiers() {
        return identifiers;
    }

    /** Identifier attributes in v1 self-link order: own first, then inherited (Skole: skolenummer, systemId, organisasjonsnummer). */
    public List<String> selfLinkIdentifiers() {
        return selfLinkIdentifiers;
    }

    /** True when this class is {@code qualified} or a subclass of it. */
    public boolean isA(String qualified) {
        for (ModelClass c = this; c != null; c = c.superclass) {
            if (c.qualifiedName.equals(qualified)) {
                return true;
            }
        }
        return false;
    }

    /** The v1 path segment: class name lower-cased with æ, ø, å folded to a, o, a. */
    public String resourceName() {
        return ResourceNames.of(name);
    }

    @Override
    public String toString() {
        return qualifiedName;
    }
}
