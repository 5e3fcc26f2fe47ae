package no.fint.platform.canonical;

/**
 * Where in a resource a value sits ({@code gyldighetsperiode.start}, {@code _links.elev[0].href}).
 * Built as a cheap linked chain while walking and rendered to text only when a violation needs it.
 */
public final class FieldPath {

    /** The resource itself. */
    public static final FieldPath ROOT = new FieldPath(null, null, -1);

    private final FieldPath parent;
    private final String name;
    private final int index;

    private FieldPath(FieldPath parent, String name, int index) {
        this.parent = parent;
        this.name = name;
        this.index = index;
    }

    public FieldPath field(String fieldName) {
        return new FieldPath(this, fieldName, -1);
    }

    public FieldPath index(int i) {
        return new FieldPath(this, null, i);
    }

    @Override
    public String toString() {
        if (parent == null) {
            return "resource";
        }
        StringBuilder b = new StringBuilder();
        render(b);
        return b.toString();
    }

    private void render(StringBuilder b) {
        if (parent == null) {
            return;
        }
        parent.render(b);
        if (name != null) {
            if (!b.isEmpty()) {
                b.append('.');
            }
            b.append(name);
        } else {
            b.append('[').append(index).append(']');
        }
    }
}
