package no.fint.platform.canonical.check;

import com.fasterxml.jackson.databind.JsonNode;
import no.fint.platform.model.InformationModel;
import no.fint.platform.model.ModelClass;

import java.util.Optional;

/**
 * Rule: an attribute of a complex type (Identifikator, Periode, Personnavn, Adresse, ... or a main
 * class embedded by value) is a JSON object; its content is then checked against that class with
 * the same rules, recursively (so an Identifikator needs its {@code identifikatorverdi} string and a
 * Periode its {@code start} date).
 */
public final class ComplexTypeCheck {

    private ComplexTypeCheck() {
    }

    /** The class of a complex attribute type, or empty when the model lacks it. */
    public static Optional<ModelClass> type(InformationModel model, String qualifiedName) {
        return model.modelClass(qualifiedName);
    }

    /** Why {@code value} is not an object of {@code cls}, or null. */
    public static String check(ModelClass cls, JsonNode value) {
        return value.isObject() ? null : "expected an object (" + cls.name() + "), got " + Describe.node(value);
    }
}
