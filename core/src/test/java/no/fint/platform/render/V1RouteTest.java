package no.fint.platform.render;

import no.fint.platform.model.Component;
import no.fint.platform.model.InformationModel;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class V1RouteTest {

    static final InformationModel MODEL = InformationModel.load();
    static final List<Component> ALL = MODEL.components();

    static V1Route r(String path) {
        return V1Route.resolve(MODEL, ALL, path).orElseThrow();
    }

    @Test
    void caseInsensitiveSegmentsExactValues() {
        V1Route one = r("/Utdanning/Elev/Elev/SystemId/AbC.d");
        assertEquals(V1Route.Kind.ONE, one.kind());
        assertEquals("/utdanning/elev/elev", one.type().path());
        assertEquals("systemId", one.idField());
        assertEquals("AbC.d", one.idValue());
        assertEquals("/utdanning/elev/elev/systemid/AbC%2Ed", one.internalPath());
    }

    @Test
    void nestedPackages() {
        V1Route c = r("/felles/kodeverk/iso/kjonn/");
        assertEquals(V1Route.Kind.COLLECTION, c.kind());
        assertEquals("/felles/kodeverk/iso/kjonn", c.type().path());
        assertEquals("/felles/kodeverk%2Fiso/kjonn", c.internalPath());
        assertEquals(V1Route.Kind.COLLECTION, r("/felles/kodeverk/fylke").kind());
        assertEquals(V1Route.Kind.ROOT, r("/felles/kodeverk/iso").kind());
        assertEquals(V1Route.Kind.OPENAPI, r("/openapi/felles/kodeverk/iso").kind());
    }

    @Test
    void slashesInValuesEncodedOrNot() {
        assertEquals("a/b", r("/utdanning/elev/elev/systemid/a%2Fb").idValue());
        assertEquals("a/b", r("/utdanning/elev/elev/systemid/a/b").idValue());
        assertEquals("/utdanning/elev/elev/systemid/a%2Fb", r("/utdanning/elev/elev/systemid/a/b").internalPath());
        assertEquals("æ ø", r("/utdanning/elev/elev/systemid/%C3%A6%20%C3%B8").idValue());
        assertEquals("%zz", r("/utdanning/elev/elev/systemid/%zz").idValue());
        assertEquals("..", r("/utdanning/elev/elev/systemid/%2E%2E").idValue());
    }

    @Test
    void fixedSubPaths() {
        assertEquals(V1Route.Kind.LAST_UPDATED, r("/utdanning/elev/elev/Last-Updated").kind());
        assertEquals(V1Route.Kind.CACHE_SIZE, r("/utdanning/elev/elev/cache/size").kind());
        assertEquals(V1Route.Kind.QUERY, r("/utdanning/elev/elev/$query").kind());
        assertEquals(V1Route.Kind.ROOT, r("/utdanning/elev/").kind());
        assertEquals(V1Route.Kind.ADMIN, r("/utdanning/elev/admin/cache/status").kind());
        assertEquals(V1Route.Kind.ADMIN, r("/utdanning/elev/Admin/Organisations/fint.no").kind());
        assertEquals(List.of("organisations", "fint.no"), r("/utdanning/elev/Admin/Organisations/fint.no").rest());
    }

    @Test
    void unknownsUnderAServedComponentAreNotFound() {
        assertEquals(V1Route.Kind.NOT_FOUND, r("/utdanning/elev/nope").kind());
        assertEquals(V1Route.Kind.NOT_FOUND, r("/utdanning/elev/elev/nope/1").kind());
        assertEquals(V1Route.Kind.NOT_FOUND, r("/utdanning/elev/elev/systemid").kind());
        assertEquals(V1Route.Kind.NOT_FOUND, r("/utdanning/elev/admin/nope").kind());
        assertEquals(V1Route.Kind.NOT_FOUND, r("/utdanning/elev/elev/cache").kind());
    }

    @Test
    void otherPathsAreNotOurs() {
        assertTrue(V1Route.resolve(MODEL, ALL, "/health/ready").isEmpty());
        assertTrue(V1Route.resolve(MODEL, ALL, "/openapi").isEmpty());
        assertTrue(V1Route.resolve(MODEL, ALL, "/").isEmpty());
        Optional<V1Route> unserved = V1Route.resolve(MODEL, List.of(Component.parse("utdanning/elev")), "/utdanning/vurdering/fravar");
        assertTrue(unserved.isEmpty());
    }
}
