package no.fint.platform.demo.adapter;

import no.fint.platform.demo.DataSet;
import no.fint.platform.model.ResourceType;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChangesTest {

    @Test
    void eachRoundChangesSomeDeletesSomeAndReAddsTheDeletesOfTheRoundBefore() {
        DataSet data = DataSet.of(DataSet.Size.SMALL, 1);
        ResourceType km = data.type(Changes.DELETED);
        Changes changes = new Changes(data, 30, 4);
        Set<String> deletedBefore = Set.of();
        for (int r = 1; r <= 5; r++) {
            Changes.Round round = changes.next();
            assertEquals(r, round.number());
            Set<String> deleted = round.deletes().getOrDefault(km, List.of()).stream().map(DataSet.Entry::identifier).collect(Collectors.toSet());
            assertEquals(4, deleted.size());
            Set<String> upserted = round.upserts().getOrDefault(km, List.of()).stream().map(DataSet.Entry::identifier).collect(Collectors.toSet());
            assertTrue(upserted.containsAll(deletedBefore), "round " + r + " re-adds " + deletedBefore);
            Set<String> both = new HashSet<>(deleted);
            both.retainAll(upserted);
            assertTrue(both.isEmpty(), "never changed and deleted in one round: " + both);
            int total = round.upserts().values().stream().mapToInt(List::size).sum();
            assertTrue(total >= 20 && total <= 30 + deletedBefore.size(), total + " upserts");
            round.upserts().keySet().forEach(t -> assertTrue(Changes.CHANGING.contains(t.path()), t.path()));
            deletedBefore = deleted;
        }
    }

    @Test
    void changedEntriesAreNewVersionsOfExistingResources() {
        DataSet data = DataSet.of(DataSet.Size.SMALL, 1);
        Changes.Round round = new Changes(data, 40, 0).next();
        round.upserts().forEach((t, entries) -> entries.forEach(e -> {
            boolean exists = false;
            for (int i = 0; i < data.count(t) && !exists; i++) {
                exists = data.entry(t, i).identifier().equals(e.identifier());
            }
            assertTrue(exists, t.path() + " " + e.identifier());
        }));
        assertFalse(round.upserts().isEmpty());
        assertTrue(round.deletes().isEmpty());
    }
}
