package no.fint.platform.render;

import org.junit.jupiter.api.Test;

import static no.fint.platform.render.MediaNegotiation.HAL;
import static no.fint.platform.render.MediaNegotiation.JSON;
import static no.fint.platform.render.MediaNegotiation.choose;
import static org.junit.jupiter.api.Assertions.assertEquals;

class MediaNegotiationTest {

    @Test
    void halByDefaultJsonWhenAsked() {
        assertEquals(HAL, choose(null));
        assertEquals(HAL, choose(""));
        assertEquals(HAL, choose("*/*"));
        assertEquals(HAL, choose("application/*"));
        assertEquals(HAL, choose("application/hal+json"));
        assertEquals(JSON, choose("application/json"));
        assertEquals(JSON, choose("application/json;charset=UTF-8"));
        assertEquals(JSON, choose("text/html, application/json;q=0.9"));
        assertEquals(HAL, choose("application/json;q=0.5, application/hal+json"));
        assertEquals(JSON, choose("application/json, application/hal+json"));
        assertEquals(HAL, choose("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));
        assertEquals(HAL, choose("text/plain"));
        assertEquals(HAL, choose("application/json;q=0"));
    }

    @Test
    void narrowedAcceptHeaderOrNullWhenNeitherFits() {
        assertEquals("application/hal+json", MediaNegotiation.chooseOrNull(null));
        assertEquals("application/hal+json", MediaNegotiation.chooseOrNull("*/*"));
        assertEquals("application/json", MediaNegotiation.chooseOrNull("application/json"));
        assertEquals("application/json", MediaNegotiation.chooseOrNull("text/html, application/json;q=0.9"));
        assertEquals(null, MediaNegotiation.chooseOrNull("text/plain"));
    }
}
