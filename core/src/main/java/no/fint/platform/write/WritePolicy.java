package no.fint.platform.write;

import no.fint.platform.model.InformationModel;
import no.fint.platform.model.ResourceType;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which resources clients may write through the consumer API: POST and PUT (and the status
 * endpoint) for the classes the model marks writeable (v1's generator flag, inherited from parents)
 * plus a configured list; DELETE only for a configured list (v1 generated no DELETE; a few
 * hand-written consumers had one).
 */
public final class WritePolicy {

    private final Set<String> writeable = new TreeSet<>();
    private final Set<String> deletable = new TreeSet<>();

    /**
     * @param alsoWriteable resource paths ({@code /utdanning/elev/elevforhold}) writeable besides the model's
     * @param deletable     resource paths that accept DELETE (each is writeable too)
     */
    public WritePolicy(InformationModel model, Collection<String> alsoWriteable, Collection<String> deletable) {
        for (ResourceType t : model.resources()) {
            if (t.modelClass().writeable()) {
                writeable.add(t.path());
            }
        }
        for (String p : alsoWriteable) {
            writeable.add(resolve(model, p));
        }
        for (String p : deletable) {
            String path = resolve(model, p);
            this.deletable.add(path);
            writeable.add(path);
        }
    }

    private static String resolve(InformationModel model, String path) {
        String p = path.strip();
        return model.resourceByPath(p.startsWith("/") ? p : "/" + p)
                .orElseThrow(() -> new IllegalArgumentException("not a resource of model " + model.version() + ": " + path)).path();
    }

    /** POST, PUT and the status endpoint. */
    public boolean writeable(ResourceType type) {
        return writeable.contains(type.path());
    }

    public boolean deletable(ResourceType type) {
        return deletable.contains(type.path());
    }
}
