package no.fint.platform.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/** Makes Jersey's Jackson provider use {@link Json#mapper()}. */
@Provider
@jakarta.enterprise.context.ApplicationScoped
public class JsonProvider implements ContextResolver<ObjectMapper> {
    @Override
    public ObjectMapper getContext(Class<?> type) {
        return Json.mapper();
    }
}
