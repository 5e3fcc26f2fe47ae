package no.fint.platform.relations;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/relation-rules.md must be what the model produces; -Dfint.update-docs=true rewrites it. */
class RelationRulesDocTest {

    /** The committed file, from the module directory (surefire runs in core/). */
    private static final Path FILE = Path.of("..").resolve(RelationRulesDoc.FILE);

    @Test
    void committedRuleTableIsUpToDate() throws IOException {
        String expected = RelationRulesDoc.render();
        if (Boolean.getBoolean("fint.update-docs")) {
            Files.writeString(FILE, expected, StandardCharsets.UTF_8);
        }
        assertTrue(Files.isRegularFile(FILE), FILE.toAbsolutePath() + " is missing; run with -Dfint.update-docs=true");
        assertEquals(expected, Files.readString(FILE, StandardCharsets.UTF_8),
                RelationRulesDoc.FILE + " is out of date with the model: ./fint test -pl core -Dtest=RelationRulesDocTest -Dfint.update-docs=true");
    }

    @Test
    void tableListsTheMaintainedRelationsOfBothModels() {
        String doc = RelationRulesDoc.render();
        assertTrue(doc.contains("| utdanning.elev.Elevforhold | elev [1] | utdanning.elev.Elev | elevforhold [0..*] | `/utdanning/elev/elev` | isSource |"), doc);
        assertTrue(doc.contains("| utdanning.elev.Elev | person [1] | felles.Person | elev [0..1] | the component of the link (felles) | isSource |"), doc);
        assertTrue(doc.contains("## Model 4.0.30 (default)\n\n112 rules: 100 from the `isSource` side, 12 where both sides are sources."), doc);
        assertTrue(doc.contains("## Model 3.21.10"), doc);
        assertTrue(!doc.contains("| utdanning.elev.Elev | elevforhold [0..*] | utdanning.elev.Elevforhold | elev [1] | `/utdanning/elev/elevforhold` | isSource |"));
    }
}
