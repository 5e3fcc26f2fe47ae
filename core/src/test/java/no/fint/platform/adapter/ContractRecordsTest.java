package no.fint.platform.adapter;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ContractRecordsTest {

    @Test
    void roundTrip() {
        Contract c = new Contract("https://x/fint-no/felles", "fint.no", null, 5,
                List.of(new Capability("felles", "kodeverk/iso", "kjonn", "/felles/kodeverk/iso/kjonn", 7, "NONE"),
                        new Capability("utdanning", "elev", "elev", "/utdanning/elev/elev", 1, null)), 123);
        assertEquals(c, ContractRecords.read(ContractRecords.write(c)));
    }
}
