package no.fint.platform.demo;

import static no.fint.platform.demo.Parts.beginLinks;

/** Writes the entries of one code list (a Begrep: gyldighetsperiode, kode, navn, passiv, systemId). */
final class CodeListWriter {

    private CodeListWriter() {
    }

    static String write(CodeLists.CodeList list, int i, JsonOut o) {
        CodeLists.Code c = list.codes().get(i);
        o.begin();
        if (i % 3 == 0) {
            Parts.periode(o, "gyldighetsperiode", Dates.day(2020, 1, 1), -1, null, Dates.Form.ISO_UTC);
        }
        o.field("kode", c.kode());
        o.field("navn", c.navn());
        o.field("passiv", c.passiv());
        o.identifikator("systemId", c.kode());
        beginLinks(o, list.type(), "systemid", c.kode());
        if (c.parent() != null) {
            o.link(list.relation(), list.relationTarget(), "systemid", c.parent());
        }
        o.end();
        o.end();
        return c.kode();
    }
}
