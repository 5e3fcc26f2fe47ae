package no.fint.platform.model;

/**
 * A main class as served under one component: {@code /utdanning/elev/elev}, or a felles class
 * served under a component that uses it ({@code /utdanning/elev/person}).
 *
 * @param component  the component that serves it
 * @param modelClass the main class
 */
public record ResourceType(Component component, ModelClass modelClass) {

    /** Lower-case path segment, e.g. {@code elevforhold}. */
    public String name() {
        return modelClass.resourceName();
    }

    /** Absolute path without host, e.g. {@code /utdanning/elev/elevforhold}. */
    public String path() {
        return component.path() + "/" + name();
    }

    @Override
    public String toString() {
        return path();
    }
}
