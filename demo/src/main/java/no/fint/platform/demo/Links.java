package no.fint.platform.demo;

/** Link placeholders as FINT v2 adapters write them: {@code ${utdanning.elev.elev}/systemid/123}. */
final class Links {

    private Links() {
    }

    /**
     * @param type  the target class as {@code domain.package.class} in lower case ({@code felles.person}
     *              for the package-less felles classes, resolved by the linking resource's component)
     * @param field the identifier field in lower case
     * @param value the identifier value
     */
    static String placeholder(String type, String field, String value) {
        return "${" + type + "}/" + field + "/" + value;
    }
}
