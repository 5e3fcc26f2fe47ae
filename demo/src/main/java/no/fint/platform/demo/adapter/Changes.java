package no.fint.platform.demo.adapter;

import no.fint.platform.demo.DataSet;
import no.fint.platform.model.ResourceType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Plans the delta rounds: each round changes a few resources (persons and elever get new mobile
 * numbers, an elevforhold moves to another school, a klassemedlemskap to another klasse, an
 * arbeidsforhold shrinks), deletes a few klassemedlemskap (nothing links to one, so no link is left
 * dangling), and re-adds the ones deleted the round before, so the data set neither drifts nor shrinks.
 */
final class Changes {

    static final List<String> CHANGING = List.of("/utdanning/elev/person", "/utdanning/elev/elev",
            "/utdanning/elev/elevforhold", "/utdanning/elev/klassemedlemskap", "/administrasjon/personal/personalressurs",
            "/administrasjon/personal/arbeidsforhold", "/administrasjon/personal/person");
    static final String DELETED = "/utdanning/elev/klassemedlemskap";

    /**
     * One round's work, by resource type in sync order.
     *
     * @param upserts changed resources and re-added ones (PATCH)
     * @param deletes resources to delete (DELETE)
     */
    record Round(int number, Map<ResourceType, List<DataSet.Entry>> upserts, Map<ResourceType, List<DataSet.Entry>> deletes) {
    }

    private final DataSet data;
    private final int changes;
    private final int deletes;
    private final SplittableRandom random;
    private final Set<Integer> deletedLastRound = new LinkedHashSet<>();
    private int round;

    Changes(DataSet data, int changes, int deletes) {
        this.data = data;
        this.changes = changes;
        this.deletes = deletes;
        this.random = new SplittableRandom(data.seed() * 31 + 7);
    }

    Round next() {
        round++;
        ResourceType memberships = data.type(DELETED);
        Map<ResourceType, Set<Integer>> changed = new LinkedHashMap<>();
        for (int i = 0; i < changes; i++) {
            ResourceType t = data.type(CHANGING.get(random.nextInt(CHANGING.size())));
            changed.computeIfAbsent(t, k -> new LinkedHashSet<>()).add(random.nextInt(data.count(t)));
        }
        // Re-add last round's deletes as they were; they are not changed again in the same round.
        Set<Integer> readd = new LinkedHashSet<>(deletedLastRound);
        changed.getOrDefault(memberships, new LinkedHashSet<>()).removeAll(readd);
        Set<Integer> delete = new LinkedHashSet<>();
        int n = data.count(memberships);
        for (int tries = 0; delete.size() < Math.min(deletes, n / 2) && tries < deletes * 10; tries++) {
            int i = random.nextInt(n);
            if (!readd.contains(i) && !changed.getOrDefault(memberships, Set.of()).contains(i)) {
                delete.add(i);
            }
        }
        Map<ResourceType, List<DataSet.Entry>> upserts = new LinkedHashMap<>();
        for (ResourceType t : data.types()) {
            List<DataSet.Entry> list = new ArrayList<>();
            for (int i : changed.getOrDefault(t, Set.of())) {
                list.add(data.changed(t, i, round));
            }
            if (t.equals(memberships)) {
                readd.forEach(i -> list.add(data.entry(t, i)));
            }
            if (!list.isEmpty()) {
                upserts.put(t, list);
            }
        }
        Map<ResourceType, List<DataSet.Entry>> dels = new LinkedHashMap<>();
        if (!delete.isEmpty()) {
            dels.put(memberships, delete.stream().map(i -> data.entry(memberships, i)).toList());
        }
        deletedLastRound.clear();
        deletedLastRound.addAll(delete);
        return new Round(round, upserts, dels);
    }
}
