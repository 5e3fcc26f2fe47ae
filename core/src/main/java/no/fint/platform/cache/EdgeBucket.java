package no.fint.platform.cache;

import no.fint.platform.render.InverseLinks;

import java.util.Arrays;
import java.util.Objects;

/** The inverse-relation edges that name one target identifier (field and value). */
final class EdgeBucket {
    private String[] edgeIds = new String[2];
    private String[] relations = new String[2];
    private String[] hrefs = new String[2];
    private int size;

    /** Adds or replaces an edge; true when the bucket changed. */
    synchronized boolean put(String edgeId, String relation, String href) {
        for (int i = 0; i < size; i++) {
            if (edgeIds[i].equals(edgeId)) {
                if (Objects.equals(hrefs[i], href)) {
                    return false;
                }
                hrefs[i] = href;
                return true;
            }
        }
        if (size == edgeIds.length) {
            int n = size * 2;
            edgeIds = Arrays.copyOf(edgeIds, n);
            relations = Arrays.copyOf(relations, n);
            hrefs = Arrays.copyOf(hrefs, n);
        }
        edgeIds[size] = edgeId;
        relations[size] = relation;
        hrefs[size] = href;
        size++;
        return true;
    }

    /** Removes an edge; true when it was there. */
    synchronized boolean remove(String edgeId) {
        for (int i = 0; i < size; i++) {
            if (edgeIds[i].equals(edgeId)) {
                size--;
                edgeIds[i] = edgeIds[size];
                relations[i] = relations[size];
                hrefs[i] = hrefs[size];
                edgeIds[size] = null;
                relations[size] = null;
                hrefs[size] = null;
                return true;
            }
        }
        return false;
    }

    synchronized void collect(InverseLinks.Builder into) {
        for (int i = 0; i < size; i++) {
            into.add(relations[i], hrefs[i]);
        }
    }

    synchronized int size() {
        return size;
    }
}
