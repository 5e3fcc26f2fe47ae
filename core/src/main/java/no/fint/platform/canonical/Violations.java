package no.fint.platform.canonical;

import java.util.ArrayList;
import java.util.List;

/** Collects the violations found in one resource (all of them, not just the first). */
public final class Violations {

    private List<Violation> list;

    public void add(FieldPath where, String reason) {
        add(where.toString(), reason);
    }

    public void add(String field, String reason) {
        if (list == null) {
            list = new ArrayList<>(4);
        }
        list.add(new Violation(field, reason));
    }

    public boolean isEmpty() {
        return list == null;
    }

    public int size() {
        return list == null ? 0 : list.size();
    }

    public List<Violation> list() {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** Forgets everything (the collector is reused for the next resource). */
    public void clear() {
        list = null;
    }
}
