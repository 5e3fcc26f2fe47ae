package no.fint.platform.render;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class V1BodiesTest {

    static String s(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void errorResponses() {
        assertEquals("{\"message\":\"a0611475\",\"exception\":\"class no.fint.consumer.exceptions.EntityNotFoundException\"}",
                s(V1Bodies.entityNotFound("a0611475")));
        assertEquals("{\"message\":\"rogfk.no\",\"exception\":\"class no.fint.cache.exceptions.CacheNotFoundException\"}",
                s(V1Bodies.cacheNotFound("rogfk.no")));
        assertEquals("{\"exception\":\"class x.Y\",\"cause\":\"z\"}", s(V1Bodies.errorResponse(null, "x.Y", "z")));
        assertEquals("{\"message\":\"a\\\"b\",\"exception\":\"class no.fint.consumer.exceptions.EntityNotFoundException\"}",
                s(V1Bodies.entityNotFound("a\"b")));
    }

    @Test
    void lastUpdatedIsAStringAndSizeANumber() {
        assertEquals("{\"lastUpdated\":\"1559551091034\"}", s(V1Bodies.lastUpdated(1559551091034L)));
        assertEquals("{\"lastUpdated\":\"0\"}", s(V1Bodies.lastUpdated(0)));
        assertEquals("{\"size\":10632}", s(V1Bodies.cacheSize(10632)));
    }

    @Test
    void springBootDefaultErrors() {
        assertEquals("{\"timestamp\":\"2099-12-31T00:00:00Z\",\"status\":404,\"error\":\"Not Found\",\"message\":\"No message available\",\"path\":\"/utdanning/elev/x\"}",
                s(V1Bodies.notFound(4102358400123L, "/utdanning/elev/x")));
        assertEquals("{\"timestamp\":\"2099-12-31T00:00:00Z\",\"status\":400,\"error\":\"Bad Request\",\"exception\":\"org.springframework.web.bind.ServletRequestBindingException\","
                        + "\"message\":\"Missing request header 'x-org-id' for method parameter of type String\",\"path\":\"/utdanning/elev/admin/health\"}",
                s(V1Bodies.missingHeader(4102358400123L, "x-org-id", "/utdanning/elev/admin/health")));
    }

    @Test
    void datesDropMilliseconds() {
        assertEquals("2099-12-31T00:00:00Z", V1Bodies.isoDate(4102358400123L));
    }
}
